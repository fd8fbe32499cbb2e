package org.opensma.account.persistence;

import static org.opensma.account.persistence.AccountTables.APP_USER;
import static org.opensma.account.persistence.AccountTables.APP_USER_DEFAULT_ORG_ID;
import static org.opensma.account.persistence.AccountTables.APP_USER_EMAIL;
import static org.opensma.account.persistence.AccountTables.APP_USER_FULL_NAME;
import static org.opensma.account.persistence.AccountTables.APP_USER_ID;
import static org.opensma.account.persistence.AccountTables.APP_USER_PASSWORD_HASH;
import static org.opensma.account.persistence.AccountTables.APP_USER_USER_NAME;
import static org.opensma.account.persistence.AccountTables.ORG_MEMBERSHIP;
import static org.opensma.account.persistence.AccountTables.ORG_MEMBERSHIP_ORG_ID;
import static org.opensma.account.persistence.AccountTables.ORG_MEMBERSHIP_ROLE;
import static org.opensma.account.persistence.AccountTables.ORG_MEMBERSHIP_USER_ID;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
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
        return dsl.select(APP_USER_ID, APP_USER_USER_NAME, APP_USER_FULL_NAME, APP_USER_EMAIL,
                        APP_USER_PASSWORD_HASH, APP_USER_DEFAULT_ORG_ID)
                .from(APP_USER)
                .where(APP_USER_USER_NAME.lower().eq(userName.toLowerCase()))
                .fetchOptional(UserRepository::toUser);
    }

    public Optional<Role> findRole(long userId, long orgId) {
        return dsl.select(ORG_MEMBERSHIP_ROLE)
                .from(ORG_MEMBERSHIP)
                .where(ORG_MEMBERSHIP_USER_ID.eq(userId), ORG_MEMBERSHIP_ORG_ID.eq(orgId))
                .fetchOptional(row -> Role.valueOf(row.value1()));
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

    private static UserAccount toUser(Record row) {
        return new UserAccount(row.get(APP_USER_ID), row.get(APP_USER_USER_NAME), row.get(APP_USER_FULL_NAME),
                row.get(APP_USER_EMAIL), row.get(APP_USER_PASSWORD_HASH), row.get(APP_USER_DEFAULT_ORG_ID));
    }
}
