package org.opensma.platform.query;

import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.opensma.account.SmaPrincipal;
import org.opensma.query.syntax.RawQuery;

/**
 * One list call: the entity, the raw query parameters, the caller (whose organization,
 * time zone and role scope the rows), and an extra restriction such as "id = 5".
 *
 * @param single whether the route names one record, so that no match is a 404
 * @param notFoundMessage the 404 message for a single record
 */
public record ListRequest(EntityView view, RawQuery raw, SmaPrincipal caller, Condition scope, boolean single,
        String notFoundMessage) {

    public static ListRequest list(EntityView view, RawQuery raw, SmaPrincipal caller) {
        return new ListRequest(view, raw, caller, DSL.noCondition(), false, "");
    }

    public static ListRequest single(EntityView view, RawQuery raw, SmaPrincipal caller, long id,
            String notFoundMessage) {
        Condition byId = DSL.field(DSL.name(view.definition().table(), view.definition().idColumn()), Long.class)
                .eq(id);
        return new ListRequest(view, raw, caller, byId, true, notFoundMessage);
    }

    /** The same list restricted further, for routes such as the barcodes of one asset. */
    public ListRequest where(Condition condition) {
        return new ListRequest(view, raw, caller, scope.and(condition), single, notFoundMessage);
    }
}
