package org.opensma.platform.security;

import static org.opensma.account.persistence.AccountTables.SESSION_TOKEN;
import static org.opensma.account.persistence.AccountTables.SESSION_TOKEN_CREATED_AT;
import static org.opensma.account.persistence.AccountTables.SESSION_TOKEN_EXPIRES_AT;
import static org.opensma.account.persistence.AccountTables.SESSION_TOKEN_SESSION_ID;
import static org.opensma.account.persistence.AccountTables.SESSION_TOKEN_TOKEN_ID;
import static org.opensma.account.persistence.AccountTables.SESSION_TOKEN_USER_ID;

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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.jooq.DSLContext;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.persistence.ServerSecretRepository;
import org.opensma.account.service.Secrets;
import org.opensma.platform.config.OpenSmaProperties;
import org.springframework.stereotype.Component;

/**
 * Issues and checks the JWT that login returns in {@code x-kace-authorization} and the
 * {@code x-kace-auth-jwt} cookies. The token's id names a row of {@code session_token},
 * which names the server-side session: the session id may change (after two-factor)
 * without breaking the token, and deleting rows revokes tokens on logout or a password
 * change. The HMAC key lives in the database, so every server process on one database
 * accepts every other's tokens.
 */
@Component
public class SessionTokenService {

    private static final String KEY_NAME = "session-token-hmac-key";
    private static final String ORGANIZATION_CLAIM = "org";

    private final byte[] key;
    private final OpenSmaProperties properties;
    private final Clock clock;
    private final DSLContext dsl;

    SessionTokenService(ServerSecretRepository secrets, OpenSmaProperties properties, Clock clock, DSLContext dsl) {
        this.key = Base64.getUrlDecoder().decode(secrets.getOrCreate(KEY_NAME, () -> Secrets.random(32)));
        this.properties = properties;
        this.clock = clock;
        this.dsl = dsl;
    }

    public String issue(String sessionId, SmaPrincipal principal) {
        Instant now = clock.instant();
        Instant expiry = now.plus(properties.session().tokenLifetime());
        String tokenId = Secrets.random(24);
        dsl.insertInto(SESSION_TOKEN, SESSION_TOKEN_TOKEN_ID, SESSION_TOKEN_SESSION_ID, SESSION_TOKEN_USER_ID,
                        SESSION_TOKEN_CREATED_AT, SESSION_TOKEN_EXPIRES_AT)
                .values(tokenId, sessionId, principal.userId(), utc(now), utc(expiry))
                .execute();

        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(principal.userName())
                .jwtID(tokenId)
                .claim(ORGANIZATION_CLAIM, principal.orgName())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing the session token failed", e);
        }
    }

    /** Returns the session id of a valid, unexpired, unrevoked token; empty for anything else. */
    public Optional<String> sessionId(String token) {
        Optional<String> tokenId = verifiedTokenId(token);
        if (tokenId.isEmpty()) {
            return Optional.empty();
        }
        return dsl.select(SESSION_TOKEN_SESSION_ID).from(SESSION_TOKEN)
                .where(SESSION_TOKEN_TOKEN_ID.eq(tokenId.get()), SESSION_TOKEN_EXPIRES_AT.gt(utc(clock.instant())))
                .fetchOptional(SESSION_TOKEN_SESSION_ID)
                .map(String::strip);
    }

    /** Points the tokens of a session at its new id after the id changed. */
    public void moveSession(String oldSessionId, String newSessionId) {
        dsl.update(SESSION_TOKEN).set(SESSION_TOKEN_SESSION_ID, newSessionId)
                .where(SESSION_TOKEN_SESSION_ID.eq(oldSessionId))
                .execute();
    }

    public void revokeSession(String sessionId) {
        dsl.deleteFrom(SESSION_TOKEN).where(SESSION_TOKEN_SESSION_ID.eq(sessionId)).execute();
    }

    public void revokeUser(long userId) {
        dsl.deleteFrom(SESSION_TOKEN).where(SESSION_TOKEN_USER_ID.eq(userId)).execute();
    }

    private Optional<String> verifiedTokenId(String token) {
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
            return Optional.ofNullable(claims.getJWTID());
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
