package org.opensma.account.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.opensma.account.persistence.AccountTables.CUSTOM_ROLE;
import static org.opensma.account.persistence.AccountTables.CUSTOM_ROLE_ID;
import static org.opensma.account.persistence.AccountTables.CUSTOM_ROLE_NAME;
import static org.opensma.account.persistence.AccountTables.CUSTOM_ROLE_ORG_ID;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.SQLDataType;
import org.opensma.account.AccessLevel;
import org.opensma.account.Module;
import org.opensma.account.Permissions;
import org.springframework.stereotype.Repository;

/** Reads and writes the custom roles an organization defines. */
@Repository
public class CustomRoleRepository {

    private final DSLContext dsl;

    public CustomRoleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A custom role's name and permissions, if it exists in the organization. */
    public Optional<CustomRole> find(long orgId, long roleId) {
        return dsl.selectFrom(CUSTOM_ROLE)
                .where(CUSTOM_ROLE_ID.eq(roleId), CUSTOM_ROLE_ORG_ID.eq(orgId))
                .fetchOptional(CustomRoleRepository::toRole);
    }

    /** Finds a role by name; names compare case-insensitively. */
    public Optional<CustomRole> findByName(long orgId, String name) {
        return dsl.selectFrom(CUSTOM_ROLE)
                .where(CUSTOM_ROLE_ORG_ID.eq(orgId), CUSTOM_ROLE_NAME.lower().eq(name.toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(CustomRoleRepository::toRole);
    }

    /** Returns the organization's custom roles, ordered by id. */
    public List<CustomRole> findAll(long orgId) {
        return dsl.selectFrom(CUSTOM_ROLE)
                .where(CUSTOM_ROLE_ORG_ID.eq(orgId))
                .orderBy(CUSTOM_ROLE_ID)
                .fetch(CustomRoleRepository::toRole);
    }

    /** Inserts a role and returns its id; a name taken in the organization raises DuplicateKeyException. */
    public long insert(long orgId, String name, Permissions permissions) {
        var insert = dsl.insertInto(CUSTOM_ROLE).set(CUSTOM_ROLE_ORG_ID, orgId).set(CUSTOM_ROLE_NAME, name);
        for (Module module : Module.values()) {
            insert = insert.set(levelColumn(module), permissions.level(module).name());
        }
        return insert.returningResult(CUSTOM_ROLE_ID).fetchSingle(CUSTOM_ROLE_ID);
    }

    public void update(long orgId, long roleId, String name, Permissions permissions) {
        var update = dsl.update(CUSTOM_ROLE).set(CUSTOM_ROLE_NAME, name);
        for (Module module : Module.values()) {
            update = update.set(levelColumn(module), permissions.level(module).name());
        }
        update.where(CUSTOM_ROLE_ID.eq(roleId), CUSTOM_ROLE_ORG_ID.eq(orgId)).execute();
    }

    public void delete(long orgId, long roleId) {
        dsl.deleteFrom(CUSTOM_ROLE).where(CUSTOM_ROLE_ID.eq(roleId), CUSTOM_ROLE_ORG_ID.eq(orgId)).execute();
    }

    private static CustomRole toRole(Record row) {
        Map<Module, AccessLevel> levels = new EnumMap<>(Module.class);
        for (Module module : Module.values()) {
            levels.put(module, AccessLevel.valueOf(row.get(levelColumn(module))));
        }
        return new CustomRole(row.get(CUSTOM_ROLE_ID), row.get(CUSTOM_ROLE_NAME), new Permissions(levels));
    }

    /** The column holding one module's level. */
    public static Field<String> levelColumn(Module module) {
        return field(name("custom_role", module.column()), SQLDataType.VARCHAR);
    }

    /** A custom role as stored. */
    public record CustomRole(long id, String name, Permissions permissions) {
    }
}
