package org.opensma.audit.web;

import static org.opensma.query.model.FieldType.DATETIME;
import static org.opensma.query.model.FieldType.INTEGER;
import static org.opensma.query.model.FieldType.STRING;
import static org.opensma.query.model.ShapingLevel.LIMITED;
import static org.opensma.query.model.ShapingLevel.STANDARD;

import java.util.List;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.KaceValues;
import org.opensma.platform.query.OrgScope;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declaration of the audit log entity: the rows of {@code audit_event} with lower_snake
 * keys and numeric ids. The executor limits every query to the caller's organization
 * through the {@code org_id} column, so events of no organization are never listed.
 */
@Configuration(proxyBeanMethods = false)
class AuditEntities {

    static final String AUDIT_EVENT = "audit_event";

    @Bean
    EntityView auditEventView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("id", "id", INTEGER, LIMITED),
                new FieldDefinition("occurred_at", "occurred_at", DATETIME, LIMITED),
                new FieldDefinition("event_type", "event_type", STRING, LIMITED),
                new FieldDefinition("user_id", "user_id", INTEGER, STANDARD),
                new FieldDefinition("user_name", "user_name", STRING, LIMITED),
                new FieldDefinition("address", "address", STRING, STANDARD),
                new FieldDefinition("detail", "detail", STRING, STANDARD));
        EntityDefinition auditEvent = new EntityDefinition(AUDIT_EVENT, "AuditLog", "audit_event", "id", fields,
                List.of());
        return new EntityView(auditEvent, "AuditEvent", KaceValues.TYPED, new OrgScope.Column("org_id"), null);
    }
}
