package org.opensma.inventory.identity;

import static org.opensma.query.model.FieldType.DATETIME;
import static org.opensma.query.model.FieldType.INTEGER;
import static org.opensma.query.model.FieldType.STRING;
import static org.opensma.query.model.ShapingLevel.LIMITED;
import static org.opensma.query.model.ShapingLevel.STANDARD;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.opensma.account.Module;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.KaceValues;
import org.opensma.platform.query.ListQueryExecutor;
import org.opensma.platform.query.ListRequest;
import org.opensma.platform.query.RawQueries;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the identity conflicts of the caller's organization: pairs of machines that an
 * identity rule matched but the inventory ingest kept apart, such as cloned virtual
 * machines sharing one hardware UUID. OpenSMA adds this route; the appliance has none.
 */
@RestController
@Access(Module.INVENTORY)
class IdentityConflictController {

    private final ListQueryExecutor lists;
    private final EntityView identityConflictView;

    IdentityConflictController(ListQueryExecutor lists, EntityView identityConflictView) {
        this.lists = lists;
        this.identityConflictView = identityConflictView;
    }

    /** Declares the conflict table for the list executor; the columns are those of machine_identity_conflict. */
    @Configuration(proxyBeanMethods = false)
    static class Entities {

        @Bean
        EntityView identityConflictView() {
            List<FieldDefinition> fields = List.of(
                    new FieldDefinition("Id", "id", INTEGER, LIMITED),
                    new FieldDefinition("Machine_id", "machine_id", INTEGER, LIMITED),
                    new FieldDefinition("Other_machine_id", "other_machine_id", INTEGER, LIMITED),
                    new FieldDefinition("Rule", "rule_name", STRING, LIMITED),
                    new FieldDefinition("Rule_value", "rule_value", STRING, LIMITED),
                    new FieldDefinition("Reason", "reason", STRING, STANDARD),
                    new FieldDefinition("Detected", "detected_at", DATETIME, LIMITED));
            EntityDefinition conflict = new EntityDefinition("identity_conflict", "IdentityConflicts",
                    "machine_identity_conflict", "id", fields, List.of());
            return new EntityView(conflict, "IdentityConflict", KaceValues.STRINGS);
        }
    }

    @GetMapping("/api/inventory/identity_conflicts")
    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ListRequest list = ListRequest.list(identityConflictView, RawQueries.from(request), CurrentPrincipal.get());
        lists.execute(list, request.getHeader(HttpHeaders.ACCEPT), response);
    }
}
