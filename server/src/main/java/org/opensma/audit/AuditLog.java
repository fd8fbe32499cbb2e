package org.opensma.audit;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;
import org.opensma.account.SmaPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records security events in the table {@code audit_event}, which administrators query
 * through the API, and in the log under {@code AUDIT.account}. Secrets never appear in
 * an event; the detail names what changed, not its value.
 */
@Service
public class AuditLog {

    private static final Logger audit = LoggerFactory.getLogger("AUDIT.account");
    private static final int DETAIL_WIDTH = 1000;

    private final DSLContext dsl;
    private final Clock clock;

    AuditLog(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** An event caused by a logged-in user, in the organization they work in. */
    public void record(AuditEventType type, SmaPrincipal actor, String address, String detail) {
        record(type, actor.orgId(), actor.userId(), actor.userName(), address, detail);
    }

    /**
     * An event with explicit parties; {@code orgId} and {@code userId} are null when the
     * event belongs to no known organization or user, such as a login with an unknown name.
     */
    public void record(AuditEventType type, Long orgId, Long userId, String userName, String address,
            String detail) {
        String text = detail == null ? "" : detail;
        if (text.length() > DETAIL_WIDTH) {
            text = text.substring(0, DETAIL_WIDTH);
        }
        String user = userName == null ? "" : userName.length() > 100 ? userName.substring(0, 100) : userName;
        dsl.insertInto(table(name("audit_event")))
                .set(field(name("audit_event", "org_id"), SQLDataType.BIGINT), orgId)
                .set(field(name("audit_event", "occurred_at"), SQLDataType.LOCALDATETIME),
                        LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS))
                .set(field(name("audit_event", "event_type"), SQLDataType.VARCHAR), type.name())
                .set(field(name("audit_event", "user_id"), SQLDataType.BIGINT), userId)
                .set(field(name("audit_event", "user_name"), SQLDataType.VARCHAR), user)
                .set(field(name("audit_event", "address"), SQLDataType.VARCHAR), address == null ? "" : address)
                .set(field(name("audit_event", "detail"), SQLDataType.VARCHAR), text)
                .execute();
        audit.info("{} org={} user={} ip={} {}", type, orgId, user, address, text);
    }
}
