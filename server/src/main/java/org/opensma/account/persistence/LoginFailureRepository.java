package org.opensma.account.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;
import static org.opensma.account.persistence.AccountTables.APP_USER;
import static org.opensma.account.persistence.AccountTables.APP_USER_FAILED_LOGINS;
import static org.opensma.account.persistence.AccountTables.APP_USER_ID;
import static org.opensma.account.persistence.AccountTables.APP_USER_LOCKED_UNTIL;

import java.time.LocalDateTime;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/**
 * Counts failed logins per account (columns {@code failed_logins} and {@code locked_until} of
 * {@code app_user}) and per client address (table {@code login_failure_address}). Every counter
 * changes in one UPDATE that adds to the stored value, so parallel failures do not lose a count
 * (LoginConcurrencyTest checks this on H2 and PostgreSQL).
 * Callers run {@link #addAccountFailure} and {@link #addAddressFailure} in a transaction, so the
 * values read back after the UPDATE are the ones it wrote. All times are UTC.
 */
@Repository
public class LoginFailureRepository {

    static final Table<Record> ADDRESS = table(name("login_failure_address"));
    static final Field<String> ADDRESS_ADDRESS = field(name("login_failure_address", "address"), SQLDataType.VARCHAR);
    static final Field<Integer> ADDRESS_FAILURES = field(name("login_failure_address", "failures"), SQLDataType.INTEGER);
    static final Field<LocalDateTime> ADDRESS_WINDOW_START =
            field(name("login_failure_address", "window_start"), SQLDataType.LOCALDATETIME);
    static final Field<LocalDateTime> ADDRESS_LOCKED_UNTIL =
            field(name("login_failure_address", "locked_until"), SQLDataType.LOCALDATETIME);

    /** Width of the address column. */
    public static final int ADDRESS_WIDTH = 64;

    private final DSLContext dsl;

    public LoginFailureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A counter after a failure was added, and the lock end stored with it (null when not locked). */
    public record Count(int failures, LocalDateTime lockedUntil) {
    }

    /**
     * Adds one failure to the account, and sets its lock to {@code lockUntil} when the count
     * reaches {@code lockAfter} and no lock is running. Returns the counter as stored, or empty
     * when the user no longer exists.
     */
    public Optional<Count> addAccountFailure(long userId, int lockAfter, LocalDateTime now, LocalDateTime lockUntil) {
        // Lock the row first. H2 can evaluate "failed_logins + 1" against the value it read before
        // waiting for a concurrent update, which loses a count. A locking read makes both databases
        // apply the increments one after another.
        dsl.select(APP_USER_ID).from(APP_USER).where(APP_USER_ID.eq(userId)).forUpdate().fetch();
        Field<Integer> next = APP_USER_FAILED_LOGINS.plus(inline(1));
        Field<LocalDateTime> lock = when(next.ge(lockAfter).and(noRunningLock(APP_USER_LOCKED_UNTIL, now)),
                val(lockUntil))
                .otherwise(APP_USER_LOCKED_UNTIL);
        int updated = dsl.update(APP_USER)
                .set(APP_USER_FAILED_LOGINS, next)
                .set(APP_USER_LOCKED_UNTIL, lock)
                .where(APP_USER_ID.eq(userId))
                .execute();
        if (updated == 0) {
            return Optional.empty();
        }
        return dsl.select(APP_USER_FAILED_LOGINS, APP_USER_LOCKED_UNTIL).from(APP_USER)
                .where(APP_USER_ID.eq(userId))
                .fetchOptional(row -> new Count(row.value1(), row.value2()));
    }

    /** Clears the account's counter and lock after a successful login. */
    public void resetAccount(long userId) {
        dsl.update(APP_USER)
                .set(APP_USER_FAILED_LOGINS, 0)
                .setNull(APP_USER_LOCKED_UNTIL)
                .where(APP_USER_ID.eq(userId))
                .execute();
    }

    /**
     * Clears the account's counter and lock if the lock has ended, so that the account gets a
     * fresh count of attempts. Returns whether it did.
     */
    public boolean clearEndedAccountLock(long userId, LocalDateTime now) {
        return dsl.update(APP_USER)
                .set(APP_USER_FAILED_LOGINS, 0)
                .setNull(APP_USER_LOCKED_UNTIL)
                .where(APP_USER_ID.eq(userId), APP_USER_LOCKED_UNTIL.le(now))
                .execute() == 1;
    }

    /** Returns the end of the address's running lock, if it has one. */
    public Optional<LocalDateTime> addressLock(String address, LocalDateTime now) {
        return dsl.select(ADDRESS_LOCKED_UNTIL).from(ADDRESS)
                .where(ADDRESS_ADDRESS.eq(address), ADDRESS_LOCKED_UNTIL.gt(now))
                .fetchOptional(ADDRESS_LOCKED_UNTIL);
    }

    /**
     * Adds one failure to the address. A count whose window began at or before
     * {@code windowStartCutoff} starts again at 1 with a new window. When the count passes
     * {@code maxFailures} and no lock is running, the lock is set to {@code lockUntil}.
     */
    public Count addAddressFailure(String address, int maxFailures, LocalDateTime now,
            LocalDateTime windowStartCutoff, LocalDateTime lockUntil) {
        if (updateAddress(address, maxFailures, now, windowStartCutoff, lockUntil) == 0) {
            int inserted = insertAddress(address, now);
            if (inserted == 0) {
                // Another request inserted the row between our UPDATE and INSERT; count on it.
                updateAddress(address, maxFailures, now, windowStartCutoff, lockUntil);
            }
        }
        return dsl.select(ADDRESS_FAILURES, ADDRESS_LOCKED_UNTIL).from(ADDRESS)
                .where(ADDRESS_ADDRESS.eq(address))
                .fetchSingle(row -> new Count(row.value1(), row.value2()));
    }

    /**
     * Inserts the first failure of an address; returns 0 when another request inserted it first.
     * On H2 the emulated insert-if-absent is not atomic and can raise a duplicate key instead.
     */
    private int insertAddress(String address, LocalDateTime now) {
        try {
            return dsl.insertInto(ADDRESS, ADDRESS_ADDRESS, ADDRESS_FAILURES, ADDRESS_WINDOW_START)
                    .values(address, 1, now)
                    .onConflict(ADDRESS_ADDRESS).doNothing()
                    .execute();
        } catch (DuplicateKeyException e) {
            return 0;
        }
    }

    /** Deletes the rows of addresses whose window and lock have both ended; returns how many. */
    public int deleteEndedAddresses(LocalDateTime now, LocalDateTime windowStartCutoff) {
        return dsl.deleteFrom(ADDRESS)
                .where(ADDRESS_WINDOW_START.le(windowStartCutoff), noRunningLock(ADDRESS_LOCKED_UNTIL, now))
                .execute();
    }

    private int updateAddress(String address, int maxFailures, LocalDateTime now, LocalDateTime windowStartCutoff,
            LocalDateTime lockUntil) {
        // Locking read first, for the same reason as in addAccountFailure.
        dsl.select(ADDRESS_ADDRESS).from(ADDRESS).where(ADDRESS_ADDRESS.eq(address)).forUpdate().fetch();
        var windowEnded = ADDRESS_WINDOW_START.le(windowStartCutoff);
        Field<Integer> next = when(windowEnded, inline(1)).otherwise(ADDRESS_FAILURES.plus(inline(1)));
        Field<LocalDateTime> window = when(windowEnded, val(now)).otherwise(ADDRESS_WINDOW_START);
        Field<LocalDateTime> lock = when(next.gt(maxFailures).and(noRunningLock(ADDRESS_LOCKED_UNTIL, now)),
                val(lockUntil))
                .otherwise(ADDRESS_LOCKED_UNTIL);
        return dsl.update(ADDRESS)
                .set(ADDRESS_FAILURES, next)
                .set(ADDRESS_WINDOW_START, window)
                .set(ADDRESS_LOCKED_UNTIL, lock)
                .where(ADDRESS_ADDRESS.eq(address))
                .execute();
    }

    private static Condition noRunningLock(Field<LocalDateTime> lockedUntil, LocalDateTime now) {
        return lockedUntil.isNull().or(lockedUntil.le(now));
    }
}
