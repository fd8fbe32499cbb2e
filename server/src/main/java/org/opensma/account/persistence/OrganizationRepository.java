package org.opensma.account.persistence;

import static org.opensma.account.persistence.AccountTables.ORGANIZATION;
import static org.opensma.account.persistence.AccountTables.ORGANIZATION_ID;
import static org.opensma.account.persistence.AccountTables.ORGANIZATION_NAME;
import static org.opensma.account.persistence.AccountTables.ORGANIZATION_REQUIRE_TWO_FACTOR;
import static org.opensma.account.persistence.AccountTables.ORGANIZATION_TIME_ZONE;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.opensma.account.Organization;
import org.springframework.stereotype.Repository;

/** Reads, creates, renames and deletes organizations. */
@Repository
public class OrganizationRepository {

    private final DSLContext dsl;

    public OrganizationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Organization> findByName(String name) {
        return dsl.select(ORGANIZATION_ID, ORGANIZATION_NAME, ORGANIZATION_TIME_ZONE, ORGANIZATION_REQUIRE_TWO_FACTOR)
                .from(ORGANIZATION)
                .where(ORGANIZATION_NAME.lower().eq(name.toLowerCase()))
                .fetchOptional(OrganizationRepository::toOrganization);
    }

    public Optional<Organization> findById(long id) {
        return dsl.select(ORGANIZATION_ID, ORGANIZATION_NAME, ORGANIZATION_TIME_ZONE, ORGANIZATION_REQUIRE_TWO_FACTOR)
                .from(ORGANIZATION)
                .where(ORGANIZATION_ID.eq(id))
                .fetchOptional(OrganizationRepository::toOrganization);
    }

    public boolean any() {
        return dsl.fetchExists(ORGANIZATION);
    }

    /** Inserts the organization unless one of that name exists, and returns the stored one. */
    public Organization createIfAbsent(String name) {
        dsl.insertInto(ORGANIZATION, ORGANIZATION_NAME).values(name).onConflict(ORGANIZATION_NAME).doNothing().execute();
        return findByName(name).orElseThrow();
    }

    /** Returns every organization, ordered by id. */
    public List<Organization> findAll() {
        return dsl.select(ORGANIZATION_ID, ORGANIZATION_NAME, ORGANIZATION_TIME_ZONE, ORGANIZATION_REQUIRE_TWO_FACTOR)
                .from(ORGANIZATION)
                .orderBy(ORGANIZATION_ID)
                .fetch(OrganizationRepository::toOrganization);
    }

    /** Returns the organizations the user is a member of, ordered by id. */
    public List<Organization> findByMember(long userId) {
        return dsl.select(ORGANIZATION_ID, ORGANIZATION_NAME, ORGANIZATION_TIME_ZONE, ORGANIZATION_REQUIRE_TWO_FACTOR)
                .from(ORGANIZATION)
                .where(ORGANIZATION_ID.in(dsl.select(AccountTables.ORG_MEMBERSHIP_ORG_ID)
                        .from(AccountTables.ORG_MEMBERSHIP)
                        .where(AccountTables.ORG_MEMBERSHIP_USER_ID.eq(userId))))
                .orderBy(ORGANIZATION_ID)
                .fetch(OrganizationRepository::toOrganization);
    }

    public int count() {
        return dsl.fetchCount(ORGANIZATION);
    }

    /** Inserts an organization and returns its id; a taken name raises DuplicateKeyException. */
    public long insert(String name) {
        return dsl.insertInto(ORGANIZATION, ORGANIZATION_NAME).values(name)
                .returningResult(ORGANIZATION_ID)
                .fetchSingle(ORGANIZATION_ID);
    }

    /** Renames the organization; a taken name raises DuplicateKeyException. */
    public void rename(long id, String name) {
        dsl.update(ORGANIZATION).set(ORGANIZATION_NAME, name).where(ORGANIZATION_ID.eq(id)).execute();
    }

    /**
     * Deletes the organization row. Memberships, custom roles, agent tokens and inventory
     * go with it through ON DELETE CASCADE; users whose default organization it is must
     * be moved or deleted first.
     */
    public void delete(long id) {
        dsl.deleteFrom(ORGANIZATION).where(ORGANIZATION_ID.eq(id)).execute();
    }

    private static Organization toOrganization(Record row) {
        return new Organization(row.get(ORGANIZATION_ID), row.get(ORGANIZATION_NAME),
                ZoneId.of(row.get(ORGANIZATION_TIME_ZONE)), row.get(ORGANIZATION_REQUIRE_TWO_FACTOR) == 1);
    }
}
