package org.opensma.account.twofactor.service;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords as RFC 6238 defines them and authenticator apps expect:
 * HMAC-SHA1, 6 digits, 30-second steps. A code is valid for the current step and one step
 * either side, which covers clock drift between the phone and the server.
 */
final class Totp {

    /** The issuer shown in authenticator apps and used as the label prefix. */
    static final String ISSUER = "OpenSMA";
    static final Duration PERIOD = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    /** Steps accepted on each side of the current one. */
    static final int WINDOW = 1;
    /** 160 bits, the HMAC-SHA1 output size that RFC 4226 recommends for the shared secret. */
    private static final int SECRET_BYTES = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator generator =
            new TimeBasedOneTimePasswordGenerator(PERIOD, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    /** Creates a random secret in unpadded Base32, the form authenticator apps accept. */
    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    /** Returns the step number that contains the instant. */
    static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), PERIOD.toSeconds());
    }

    /**
     * Returns the step whose code equals {@code code}, searching the current step and
     * {@link #WINDOW} steps either side. Every candidate is computed and compared in
     * constant time, so the response time does not tell which step matched.
     */
    OptionalLong matchingStep(String base32Secret, String code, Instant now) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
        SecretKeySpec key = key(base32Secret);
        long current = step(now);
        long matched = -1;
        for (long candidate = current - WINDOW; candidate <= current + WINDOW; candidate++) {
            byte[] expected = codeAt(key, candidate).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, presented)) {
                matched = candidate;
            }
        }
        return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /**
     * Builds the {@code otpauth://} URI of the Key-Uri-Format that authenticator apps read
     * from a QR code: label "issuer:account" and the issuer parameter, both percent-encoded.
     */
    static String otpauthUri(String accountName, String base32Secret) {
        return "otpauth://totp/" + encode(ISSUER) + ":" + encode(accountName)
                + "?secret=" + base32Secret
                + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD.toSeconds();
    }

    private String codeAt(SecretKeySpec key, long step) {
        try {
            return generator.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * PERIOD.toSeconds()),
                    Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("The stored two-factor secret is not a valid HMAC-SHA1 key", e);
        }
    }

    private static SecretKeySpec key(String base32Secret) {
        return new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1");
    }

    /** Percent-encodes for a URI path or query: a space becomes %20, not "+". */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
