package org.opensma.account.twofactor.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.opensma.account.persistence.AccountTables.APP_USER;
import static org.opensma.account.persistence.AccountTables.APP_USER_ID;
import static org.opensma.account.persistence.AccountTables.APP_USER_TOTP_ENABLED;
import static org.opensma.account.persistence.AccountTables.APP_USER_TOTP_LAST_STEP;
import static org.opensma.account.persistence.AccountTables.APP_USER_TOTP_SECRET;
import static org.opensma.account.persistence.AccountTables.ORGANIZATION;
import static org.opensma.account.persistence.AccountTables.ORGANIZATION_ID;
import static org.opensma.account.persistence.AccountTables.ORGANIZATION_REQUIRE_TWO_FACTOR;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Reads and changes a user's authenticator secret, accepted steps, failure counter and
 * recovery codes, and an organization's two-factor requirement. Every change that must
 * happen once (accepting a step, using a recovery code) is a single conditional UPDATE,
 * so two parallel requests with the same code cannot both succeed.
 */
@Repository
public class TwoFactorRepository {

    private static final Field<Integer> APP_USER_TOTP_FAILURES =
            field(name("app_user", "totp_failures"), SQLDataType.INTEGER);
    private static final Field<LocalDateTime> APP_USER_TOTP_LOCKED_UNTIL =
            field(name("app_user", "totp_locked_until"), SQLDataType.LOCALDATETIME);

    private static final Table<Record> RECOVERY_CODE = table(name("recovery_code"));
    private static final Field<Long> RECOVERY_CODE_USER_ID =
            field(name("recovery_code", "user_id"), SQLDataType.BIGINT);
    private static final Field<String> RECOVERY_CODE_CODE_HASH =
            field(name("recovery_code", "code_hash"), SQLDataType.VARCHAR);
    private static final Field<LocalDateTime> RECOVERY_CODE_USED_AT =
            field(name("recovery_code", "used_at"), SQLDataType.LOCALDATETIME);

    private final DSLContext dsl;

    public TwoFactorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * A user's two-factor columns.
     *
     * @param secret the Base32 secret, pending while {@code enabled} is false; null if never enrolled
     * @param lockedUntil UTC time until which codes are rejected, or null
     */
    public record TotpState(String secret, boolean enabled, long lastStep, int failures, LocalDateTime lockedUntil) {
    }

    public Optional<TotpState> find(long userId) {
        return dsl.select(APP_USER_TOTP_SECRET, APP_USER_TOTP_ENABLED, APP_USER_TOTP_LAST_STEP,
                        APP_USER_TOTP_FAILURES, APP_USER_TOTP_LOCKED_UNTIL)
                .from(APP_USER)
                .where(APP_USER_ID.eq(userId))
                .fetchOptional(row -> new TotpState(row.value1(), row.value2() == 1, row.value3(), row.value4(),
                        row.value5()));
    }

    /**
     * Stores a secret awaiting confirmation, replacing an earlier pending one; returns false
     * when two-factor is already enabled, which this never overwrites.
     */
    public boolean storePendingSecret(long userId, String secret) {
        return dsl.update(APP_USER)
                .set(APP_USER_TOTP_SECRET, secret)
                .set(APP_USER_TOTP_LAST_STEP, 0L)
                .where(APP_USER_ID.eq(userId), APP_USER_TOTP_ENABLED.eq((short) 0))
                .execute() == 1;
    }

    /**
     * Enables two-factor with the pending secret and marks {@code step} as used; returns false
     * when the secret changed meanwhile, two-factor is already enabled, or the step was used.
     */
    public boolean enable(long userId, String secret, long step) {
        return dsl.update(APP_USER)
                .set(APP_USER_TOTP_ENABLED, (short) 1)
                .set(APP_USER_TOTP_LAST_STEP, step)
                .set(APP_USER_TOTP_FAILURES, 0)
                .setNull(APP_USER_TOTP_LOCKED_UNTIL)
                .where(APP_USER_ID.eq(userId), APP_USER_TOTP_ENABLED.eq((short) 0), APP_USER_TOTP_SECRET.eq(secret),
                        APP_USER_TOTP_LAST_STEP.lt(step))
                .execute() == 1;
    }

    /**
     * Marks {@code step} as the last accepted one and clears the failure counter; returns
     * false when this step or a later one was already accepted, so a code works once.
     */
    public boolean acceptStep(long userId, String secret, long step) {
        return dsl.update(APP_USER)
                .set(APP_USER_TOTP_LAST_STEP, step)
                .set(APP_USER_TOTP_FAILURES, 0)
                .where(APP_USER_ID.eq(userId), APP_USER_TOTP_ENABLED.eq((short) 1), APP_USER_TOTP_SECRET.eq(secret),
                        APP_USER_TOTP_LAST_STEP.lt(step))
                .execute() == 1;
    }

    /** Replaces all recovery codes of the user with the given SHA-256 digests. */
    public void replaceRecoveryCodes(long userId, Collection<String> codeHashes) {
        dsl.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE_USER_ID.eq(userId)).execute();
        var insert = dsl.insertInto(RECOVERY_CODE, RECOVERY_CODE_USER_ID, RECOVERY_CODE_CODE_HASH);
        for (String hash : codeHashes) {
            insert = insert.values(userId, hash);
        }
        insert.execute();
    }

    /** Marks an unused recovery code as used at {@code now}; returns false if there is no such unused code. */
    public boolean useRecoveryCode(long userId, String codeHash, LocalDateTime now) {
        return dsl.update(RECOVERY_CODE)
                .set(RECOVERY_CODE_USED_AT, now)
                .where(RECOVERY_CODE_USER_ID.eq(userId), RECOVERY_CODE_CODE_HASH.eq(codeHash),
                        RECOVERY_CODE_USED_AT.isNull())
                .execute() == 1;
    }

    public int countUnusedRecoveryCodes(long userId) {
        return dsl.fetchCount(RECOVERY_CODE, RECOVERY_CODE_USER_ID.eq(userId).and(RECOVERY_CODE_USED_AT.isNull()));
    }

    /** Adds one invalid code to the user's counter in a single UPDATE, and returns the new count. */
    public int recordFailure(long userId) {
        dsl.update(APP_USER)
                .set(APP_USER_TOTP_FAILURES, APP_USER_TOTP_FAILURES.plus(1))
                .where(APP_USER_ID.eq(userId))
                .execute();
        return dsl.select(APP_USER_TOTP_FAILURES).from(APP_USER).where(APP_USER_ID.eq(userId))
                .fetchOptional(APP_USER_TOTP_FAILURES).orElse(0);
    }

    /** Rejects the user's codes until {@code until} (UTC) and starts a new failure count. */
    public void lock(long userId, LocalDateTime until) {
        dsl.update(APP_USER)
                .set(APP_USER_TOTP_LOCKED_UNTIL, until)
                .set(APP_USER_TOTP_FAILURES, 0)
                .where(APP_USER_ID.eq(userId))
                .execute();
    }

    /** Clears the failure counter and lock, as after an administrator's reset. */
    public void clearFailures(long userId) {
        dsl.update(APP_USER)
                .set(APP_USER_TOTP_FAILURES, 0)
                .setNull(APP_USER_TOTP_LOCKED_UNTIL)
                .where(APP_USER_ID.eq(userId))
                .execute();
    }

    /** Sets whether logins into the organization need two-factor; returns false if there is no such organization. */
    public boolean setOrganizationRequirement(long orgId, boolean required) {
        return dsl.update(ORGANIZATION)
                .set(ORGANIZATION_REQUIRE_TWO_FACTOR, (short) (required ? 1 : 0))
                .where(ORGANIZATION_ID.eq(orgId))
                .execute() == 1;
    }
}
