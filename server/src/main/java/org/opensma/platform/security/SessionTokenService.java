package org.opensma.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.persistence.ServerSecretRepository;
import org.opensma.account.service.Secrets;
import org.opensma.platform.config.OpenSmaProperties;
import org.springframework.stereotype.Component;

/**
 * Issues and checks the JWT that login returns in {@code x-kace-authorization} and the
 * {@code x-kace-auth-jwt} cookies. The token names the server-side session it belongs
 * to, so logout and expiry of that session end the token too. The HMAC key lives in
 * the database, so every server process on one database accepts every other's tokens.
 */
@Component
public class SessionTokenService {

    private static final String KEY_NAME = "session-token-hmac-key";
    private static final String SESSION_CLAIM = "sid";
    private static final String ORGANIZATION_CLAIM = "org";

    private final byte[] key;
    private final OpenSmaProperties properties;
    private final Clock clock;

    SessionTokenService(ServerSecretRepository secrets, OpenSmaProperties properties, Clock clock) {
        this.key = Base64.getUrlDecoder().decode(secrets.getOrCreate(KEY_NAME, () -> Secrets.random(32)));
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(String sessionId, SmaPrincipal principal) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(principal.userName())
                .claim(SESSION_CLAIM, sessionId)
                .claim(ORGANIZATION_CLAIM, principal.orgName())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.session().tokenLifetime())))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing the session token failed", e);
        }
    }

    /** Returns the session id of a valid, unexpired token; empty for anything else. */
    public Optional<String> sessionId(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.ofNullable(claims.getStringClaim(SESSION_CLAIM));
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
