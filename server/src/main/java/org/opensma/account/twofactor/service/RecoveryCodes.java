package org.opensma.account.twofactor.service;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opensma.account.service.Secrets;

/**
 * One-time codes that stand in for a lost authenticator. A code is 10 characters from a
 * 32-letter alphabet (50 bits), shown as {@code xxxxx-xxxxx}. Only the SHA-256 of
 * the normalized code is stored: the codes are random, so a slow password hash adds nothing.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    /** Crockford's Base32 alphabet: no i, l, o or u, which are easily misread. */
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    /** Creates {@link #COUNT} new codes in their display form. */
    static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int j = 0; j < LENGTH; j++) {
                if (j == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** Returns the digest stored for a code, ignoring case, spaces and dashes as typed by the user. */
    static String hash(String code) {
        return Secrets.sha256(normalize(code));
    }

    /** Whether the input has the shape of a recovery code rather than of an authenticator code. */
    static boolean looksLikeRecoveryCode(String input) {
        String normalized = normalize(input);
        return normalized.length() == LENGTH && normalized.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    private static String normalize(String code) {
        return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
