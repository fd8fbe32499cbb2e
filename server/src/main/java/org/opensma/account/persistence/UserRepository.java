package org.opensma.account.persistence;

import static org.opensma.account.persistence.AccountTables.APP_USER;
import static org.opensma.account.persistence.AccountTables.APP_USER_DEFAULT_ORG_ID;
import static org.opensma.account.persistence.AccountTables.APP_USER_EMAIL;
import static org.opensma.account.persistence.AccountTables.APP_USER_FULL_NAME;
import static org.opensma.account.persistence.AccountTables.APP_USER_ID;
import static org.opensma.account.persistence.AccountTables.APP_USER_PASSWORD_HASH;
import static org.opensma.account.persistence.AccountTables.APP_USER_FAILED_LOGINS;
import static org.opensma.account.persistence.AccountTables.APP_USER_LOCKED_UNTIL;
import static org.opensma.account.persistence.AccountTables.APP_USER_SYSTEM_ADMIN;
import static org.opensma.account.persistence.AccountTables.APP_USER_TOTP_ENABLED;
import static org.opensma.account.persistence.AccountTables.APP_USER_USER_NAME;
import static org.opensma.account.persistence.AccountTables.ORG_MEMBERSHIP;
import static org.opensma.account.persistence.AccountTables.ORG_MEMBERSHIP_CUSTOM_ROLE_ID;
import static org.opensma.account.persistence.AccountTables.ORG_MEMBERSHIP_ORG_ID;
import static org.opensma.account.persistence.AccountTables.ORG_MEMBERSHIP_ROLE;
import static org.opensma.account.persistence.AccountTables.ORG_MEMBERSHIP_USER_ID;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.opensma.account.Membership;
import org.opensma.account.Role;
import org.opensma.account.UserAccount;
import org.springframework.stereotype.Repository;

/** Reads and creates users and their organization memberships. */
@Repository
public class UserRepository {

    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Finds a user by name; names compare case-insensitively, as on the appliance. */
    public Optional<UserAccount> findByUserName(String userName) {
        return selectUsers().where(APP_USER_USER_NAME.lower().eq(userName.toLowerCase(Locale.ROOT)))
                .fetchOptional(UserRepository::toUser);
    }

    public Optional<UserAccount> findById(long userId) {
        return selectUsers().where(APP_USER_ID.eq(userId)).fetchOptional(UserRepository::toUser);
    }

    public Optional<Membership> findMembership(long userId, long orgId) {
        return dsl.select(ORG_MEMBERSHIP_ROLE, ORG_MEMBERSHIP_CUSTOM_ROLE_ID)
                .from(ORG_MEMBERSHIP)
                .where(ORG_MEMBERSHIP_USER_ID.eq(userId), ORG_MEMBERSHIP_ORG_ID.eq(orgId))
                .fetchOptional(row -> new Membership(userId, orgId, Role.valueOf(row.value1()), row.value2()));
    }

    private org.jooq.SelectJoinStep<? extends Record> selectUsers() {
        return dsl.select(APP_USER_ID, APP_USER_USER_NAME, APP_USER_FULL_NAME, APP_USER_EMAIL,
                        APP_USER_PASSWORD_HASH, APP_USER_DEFAULT_ORG_ID, APP_USER_SYSTEM_ADMIN, APP_USER_TOTP_ENABLED,
                        APP_USER_FAILED_LOGINS, APP_USER_LOCKED_UNTIL)
                .from(APP_USER);
    }

    /** Inserts the user unless one of that name exists; returns whether it was inserted. */
    public boolean createIfAbsent(String userName, String fullName, String passwordHash, long defaultOrgId) {
        int inserted = dsl.insertInto(APP_USER, APP_USER_USER_NAME, APP_USER_FULL_NAME, APP_USER_PASSWORD_HASH,
                        APP_USER_DEFAULT_ORG_ID)
                .values(userName, fullName, passwordHash, defaultOrgId)
                .onConflict(APP_USER_USER_NAME).doNothing()
                .execute();
        return inserted == 1;
    }

    public void addMembership(long userId, long orgId, Role role) {
        dsl.insertInto(ORG_MEMBERSHIP, ORG_MEMBERSHIP_ORG_ID, ORG_MEMBERSHIP_USER_ID, ORG_MEMBERSHIP_ROLE)
                .values(orgId, userId, role.name())
                .onConflict(ORG_MEMBERSHIP_ORG_ID, ORG_MEMBERSHIP_USER_ID).doNothing()
                .execute();
    }

    /**
     * Stores a new password hash, clears the failed-login counter and lock, and records
     * the time of the change.
     */
    public void updatePassword(long userId, String passwordHash, java.time.LocalDateTime changedAt) {
        dsl.update(APP_USER)
                .set(APP_USER_PASSWORD_HASH, passwordHash)
                .set(APP_USER_FAILED_LOGINS, 0)
                .setNull(APP_USER_LOCKED_UNTIL)
                .set(AccountTables.APP_USER_PASSWORD_CHANGED_AT, changedAt)
                .set(AccountTables.APP_USER_UPDATED_AT, changedAt)
                .where(APP_USER_ID.eq(userId))
                .execute();
    }

    /** Removes the user's authenticator secret and recovery codes, so the next login enrols anew. */
    public void resetTwoFactor(long userId) {
        dsl.update(APP_USER)
                .setNull(AccountTables.APP_USER_TOTP_SECRET)
                .set(APP_USER_TOTP_ENABLED, (short) 0)
                .set(AccountTables.APP_USER_TOTP_LAST_STEP, 0L)
                .where(APP_USER_ID.eq(userId))
                .execute();
        dsl.deleteFrom(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("recovery_code")))
                .where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("recovery_code", "user_id"), Long.class)
                        .eq(userId))
                .execute();
    }

    /** Marks the user as allowed to manage organizations. */
    public void setSystemAdmin(long userId, boolean systemAdmin) {
        dsl.update(APP_USER).set(APP_USER_SYSTEM_ADMIN, (short) (systemAdmin ? 1 : 0))
                .where(APP_USER_ID.eq(userId)).execute();
    }

    /** A user's id and name, enough to end their sessions. */
    public record UserName(long id, String userName) {
    }

    /** Inserts a user and returns the id; a taken name raises DuplicateKeyException. */
    public long insert(String userName, String fullName, String email, String passwordHash, long defaultOrgId,
            LocalDateTime now) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER_USER_NAME, userName)
                .set(APP_USER_FULL_NAME, fullName)
                .set(APP_USER_EMAIL, email)
                .set(APP_USER_PASSWORD_HASH, passwordHash)
                .set(APP_USER_DEFAULT_ORG_ID, defaultOrgId)
                .set(AccountTables.APP_USER_PASSWORD_CHANGED_AT, now)
                .set(AccountTables.APP_USER_UPDATED_AT, now)
                .returningResult(APP_USER_ID)
                .fetchSingle(APP_USER_ID);
    }

    public void updateProfile(long userId, String fullName, String email, LocalDateTime now) {
        dsl.update(APP_USER)
                .set(APP_USER_FULL_NAME, fullName)
                .set(APP_USER_EMAIL, email)
                .set(AccountTables.APP_USER_UPDATED_AT, now)
                .where(APP_USER_ID.eq(userId))
                .execute();
    }

    /** Adds a membership; {@code customRoleId} is set only for {@link Role#CUSTOM}. */
    public void addMembership(long userId, long orgId, Role role, Long customRoleId) {
        dsl.insertInto(ORG_MEMBERSHIP, ORG_MEMBERSHIP_ORG_ID, ORG_MEMBERSHIP_USER_ID, ORG_MEMBERSHIP_ROLE,
                        ORG_MEMBERSHIP_CUSTOM_ROLE_ID)
                .values(orgId, userId, role.name(), customRoleId)
                .execute();
    }

    /** Changes the role of an existing membership. */
    public void updateMembership(long userId, long orgId, Role role, Long customRoleId) {
        dsl.update(ORG_MEMBERSHIP)
                .set(ORG_MEMBERSHIP_ROLE, role.name())
                .set(ORG_MEMBERSHIP_CUSTOM_ROLE_ID, customRoleId)
                .where(ORG_MEMBERSHIP_USER_ID.eq(userId), ORG_MEMBERSHIP_ORG_ID.eq(orgId))
                .execute();
    }

    public void removeMembership(long userId, long orgId) {
        dsl.deleteFrom(ORG_MEMBERSHIP)
                .where(ORG_MEMBERSHIP_USER_ID.eq(userId), ORG_MEMBERSHIP_ORG_ID.eq(orgId))
                .execute();
    }

    /** Returns the ids of the organizations the user belongs to, ascending. */
    public List<Long> membershipOrgIds(long userId) {
        return dsl.select(ORG_MEMBERSHIP_ORG_ID).from(ORG_MEMBERSHIP)
                .where(ORG_MEMBERSHIP_USER_ID.eq(userId))
                .orderBy(ORG_MEMBERSHIP_ORG_ID)
                .fetch(ORG_MEMBERSHIP_ORG_ID);
    }

    /** Returns the members of an organization. */
    public List<UserName> members(long orgId) {
        return dsl.select(APP_USER_ID, APP_USER_USER_NAME).from(APP_USER)
                .join(ORG_MEMBERSHIP).on(ORG_MEMBERSHIP_USER_ID.eq(APP_USER_ID))
                .where(ORG_MEMBERSHIP_ORG_ID.eq(orgId))
                .orderBy(APP_USER_ID)
                .fetch(row -> new UserName(row.value1(), row.value2()));
    }

    /** Returns the members that hold a custom role. */
    public List<UserName> membersWithCustomRole(long customRoleId) {
        return dsl.select(APP_USER_ID, APP_USER_USER_NAME).from(APP_USER)
                .join(ORG_MEMBERSHIP).on(ORG_MEMBERSHIP_USER_ID.eq(APP_USER_ID))
                .where(ORG_MEMBERSHIP_CUSTOM_ROLE_ID.eq(customRoleId))
                .orderBy(APP_USER_ID)
                .fetch(row -> new UserName(row.value1(), row.value2()));
    }

    public void setDefaultOrg(long userId, long orgId) {
        dsl.update(APP_USER).set(APP_USER_DEFAULT_ORG_ID, orgId).where(APP_USER_ID.eq(userId)).execute();
    }

    /** Deletes the user; memberships, session tokens and recovery codes go with it. */
    public void delete(long userId) {
        dsl.deleteFrom(APP_USER).where(APP_USER_ID.eq(userId)).execute();
    }

    private static UserAccount toUser(Record row) {
        return new UserAccount(row.get(APP_USER_ID), row.get(APP_USER_USER_NAME), row.get(APP_USER_FULL_NAME),
                row.get(APP_USER_EMAIL), row.get(APP_USER_PASSWORD_HASH), row.get(APP_USER_DEFAULT_ORG_ID),
                row.get(APP_USER_SYSTEM_ADMIN) == 1, row.get(APP_USER_TOTP_ENABLED) == 1,
                row.get(APP_USER_FAILED_LOGINS), row.get(APP_USER_LOCKED_UNTIL));
    }
}
