package org.opensma.account.persistence;

import static org.opensma.account.persistence.AccountTables.ORGANIZATION;
import static org.opensma.account.persistence.AccountTables.ORGANIZATION_ID;
import static org.opensma.account.persistence.AccountTables.ORGANIZATION_NAME;
import static org.opensma.account.persistence.AccountTables.ORGANIZATION_REQUIRE_TWO_FACTOR;
import static org.opensma.account.persistence.AccountTables.ORGANIZATION_TIME_ZONE;

import java.time.ZoneId;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.opensma.account.Organization;
import org.springframework.stereotype.Repository;

/** Reads and creates organizations. */
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

    private static Organization toOrganization(Record row) {
        return new Organization(row.get(ORGANIZATION_ID), row.get(ORGANIZATION_NAME),
                ZoneId.of(row.get(ORGANIZATION_TIME_ZONE)), row.get(ORGANIZATION_REQUIRE_TWO_FACTOR) == 1);
    }
}
