package org.opensma.account.web;

import static org.opensma.query.model.FieldType.DATETIME;
import static org.opensma.query.model.FieldType.INTEGER;
import static org.opensma.query.model.FieldType.STRING;
import static org.opensma.query.model.ShapingLevel.EXTENDED;
import static org.opensma.query.model.ShapingLevel.LIMITED;
import static org.opensma.query.model.ShapingLevel.STANDARD;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.KaceValues;
import org.opensma.platform.query.OrgScope;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code user} entity of {@code /api/users/users}: lower_snake keys and numeric ids,
 * like the other non-inventory entities. It reads the view {@code org_user}, which has one
 * row per membership, so {@code role} is the role in the caller's organization.
 */
@Configuration(proxyBeanMethods = false)
class UserEntities {

    static final String USER = "user";

    @Bean
    EntityView userView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("id", "id", INTEGER, LIMITED),
                new FieldDefinition("user_name", "user_name", STRING, LIMITED),
                new FieldDefinition("full_name", "full_name", STRING, LIMITED),
                new FieldDefinition("email", "email", STRING, LIMITED),
                new FieldDefinition("role", "role", STRING, STANDARD),
                new FieldDefinition("custom_role_id", "custom_role_id", INTEGER, STANDARD),
                new FieldDefinition("two_factor_enabled", "two_factor_enabled", INTEGER, STANDARD),
                new FieldDefinition("created", "created_at", DATETIME, EXTENDED),
                new FieldDefinition("modified", "updated_at", DATETIME, EXTENDED));
        EntityDefinition user = new EntityDefinition(USER, "Users", "org_user", "id", fields, List.of());
        return new EntityView(user, "User", UserEntities::render, new OrgScope.Column("org_id"),
                (table, caller) -> DSL.field(DSL.name(table.getName(), "id"), SQLDataType.BIGINT)
                        .eq(caller.userId()));
    }

    /** Numbers stay numbers, times use the appliance's format, and a null leaves the key out. */
    private static Object render(FieldDefinition field, Object value, ZoneId zone) {
        return switch (value) {
            case null -> null;
            case LocalDateTime time -> KaceValues.time(time, zone);
            case Number number -> number.longValue();
            default -> value.toString();
        };
    }
}
