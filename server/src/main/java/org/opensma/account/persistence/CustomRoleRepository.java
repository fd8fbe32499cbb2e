package org.opensma.account.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.opensma.account.persistence.AccountTables.CUSTOM_ROLE;
import static org.opensma.account.persistence.AccountTables.CUSTOM_ROLE_ID;
import static org.opensma.account.persistence.AccountTables.CUSTOM_ROLE_NAME;
import static org.opensma.account.persistence.AccountTables.CUSTOM_ROLE_ORG_ID;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.opensma.account.AccessLevel;
import org.opensma.account.Module;
import org.opensma.account.Permissions;
import org.springframework.stereotype.Repository;

/** Reads the custom roles an organization defines. */
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
                .fetchOptional(row -> {
                    Map<Module, AccessLevel> levels = new EnumMap<>(Module.class);
                    for (Module module : Module.values()) {
                        levels.put(module, AccessLevel.valueOf(row.get(levelColumn(module))));
                    }
                    return new CustomRole(row.get(CUSTOM_ROLE_ID), row.get(CUSTOM_ROLE_NAME), new Permissions(levels));
                });
    }

    /** The column holding one module's level. */
    public static Field<String> levelColumn(Module module) {
        return field(name("custom_role", module.column()), SQLDataType.VARCHAR);
    }

    /** A custom role as stored. */
    public record CustomRole(long id, String name, Permissions permissions) {
    }
}
