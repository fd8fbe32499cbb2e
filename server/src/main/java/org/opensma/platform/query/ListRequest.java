package org.opensma.platform.query;

import java.time.ZoneId;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.opensma.query.syntax.RawQuery;

/**
 * One list call: the entity, the raw query parameters, the caller's organization and
 * time zone, and an extra restriction such as "id = 5" for a get by id.
 *
 * @param single whether the route names one record, so that no match is a 404
 * @param notFoundMessage the 404 message for a single record
 */
public record ListRequest(EntityView view, RawQuery raw, long orgId, ZoneId zone, Condition scope, boolean single,
        String notFoundMessage) {

    public static ListRequest list(EntityView view, RawQuery raw, long orgId, ZoneId zone) {
        return new ListRequest(view, raw, orgId, zone, DSL.noCondition(), false, "");
    }

    public static ListRequest single(EntityView view, RawQuery raw, long orgId, ZoneId zone, long id,
            String notFoundMessage) {
        Condition byId = DSL.field(DSL.name(view.definition().table(), view.definition().idColumn()), Long.class)
                .eq(id);
        return new ListRequest(view, raw, orgId, zone, byId, true, notFoundMessage);
    }
}
