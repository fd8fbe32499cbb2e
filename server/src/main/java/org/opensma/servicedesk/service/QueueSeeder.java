package org.opensma.servicedesk.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensma.account.OrganizationCreatedEvent;
import org.opensma.servicedesk.persistence.QueueSeedRepository;
import org.opensma.servicedesk.persistence.QueueSeedRepository.LayoutField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives each organization the queue the appliance starts with: its statuses, priorities,
 * impacts and categories in the appliance's order (so the first organization gets the
 * appliance's ids) and its field layout with 20 custom fields. New organizations are seeded
 * in the transaction that creates them; organizations that exist without a queue are seeded
 * at start.
 */
@Component
class QueueSeeder implements ApplicationRunner {

    static final String FIRST_QUEUE = "The K1000 Service Desk";

    private static final Logger log = LoggerFactory.getLogger(QueueSeeder.class);

    private final QueueSeedRepository seeds;
    private final TransactionTemplate transaction;

    QueueSeeder(QueueSeedRepository seeds, TransactionTemplate transaction) {
        this.seeds = seeds;
        this.transaction = transaction;
    }

    @EventListener
    void organizationCreated(OrganizationCreatedEvent event) {
        seed(event.orgId());
    }

    @Override
    public void run(ApplicationArguments args) {
        for (long orgId : seeds.organizationsWithoutQueue()) {
            transaction.executeWithoutResult(status -> seed(orgId));
        }
    }

    private void seed(long orgId) {
        if (seeds.lockAndHasQueue(orgId)) {
            return;
        }
        long queueId = seeds.insertQueue(orgId, FIRST_QUEUE);
        List<Long> statuses = new ArrayList<>();
        String[][] statusRows = {{"Opened", "opened"}, {"Closed", "closed"}, {"Need More Info", "stalled"},
            {"New", "stalled"}, {"Reopened", "opened"}, {"Waiting Overdue", "stalled"},
            {"Waiting on Customer", "stalled"}, {"Waiting on Third Party", "stalled"}};
        int[] statusOrdinals = {1, 3, 4, 0, 2, 5, 6, 7};
        for (int i = 0; i < statusRows.length; i++) {
            statuses.add(seeds.insertValue("hd_status", orgId, queueId, statusRows[i][0], statusOrdinals[i],
                    Map.of("state", statusRows[i][1])));
        }
        long medium = seeds.insertValue("hd_priority", orgId, queueId, "Medium", 1, Map.of("color", ""));
        seeds.insertValue("hd_priority", orgId, queueId, "High", 0, Map.of("color", "red"));
        seeds.insertValue("hd_priority", orgId, queueId, "Low", 2, Map.of("color", "gray"));
        long cannotWork = seeds.insertValue("hd_impact", orgId, queueId, "1 person cannot work", 2, Map.of());
        seeds.insertValue("hd_impact", orgId, queueId, "Many people cannot work", 0, Map.of());
        seeds.insertValue("hd_impact", orgId, queueId, "1 person inconvenienced", 3, Map.of());
        seeds.insertValue("hd_impact", orgId, queueId, "Many people inconvenienced", 1, Map.of());
        seeds.insertValue("hd_category", orgId, queueId, "Network", 0, Map.of());
        long other = seeds.insertValue("hd_category", orgId, queueId, "Other", 1, Map.of());
        seeds.insertValue("hd_category", orgId, queueId, "Hardware", 2, Map.of());
        seeds.insertValue("hd_category", orgId, queueId, "Software", 3, Map.of());
        // New, Medium, "1 person cannot work" and Other are what tickets created without them get.
        seeds.setDefaults(queueId, statuses.get(3), medium, cannotWork, other);
        layout().forEach(field -> seeds.insertField(orgId, queueId, field));
        log.info("Service desk queue seeded org={} queue={}", orgId, queueId);
    }

    /** The standard fields in the appliance's order, with the custom fields after the asset. */
    static List<LayoutField> layout() {
        List<LayoutField> fields = new ArrayList<>(List.of(
                new LayoutField("SAT_SURVEY", "sat_survey", "SAT_SURVEY", "sat_survey", "text",
                        "Please tell us about your recent help desk experience", 0, "none", "usercreate"),
                new LayoutField("TITLE", "title", "TITLE", "title", "text", "Title", 1, "all", "usercreate"),
                new LayoutField("SUMMARY", "summary", "SUMMARY", "summary", "text", "Description", 2, "none",
                        "usercreate"),
                new LayoutField("IMPACT", "impact", "HD_IMPACT_ID", "impact_id", "impact", "Impact", 3, "none",
                        "usercreate"),
                new LayoutField("CATEGORY", "category", "HD_CATEGORY_ID", "category_id", "category", "Category", 4,
                        "none", "usercreate"),
                new LayoutField("STATUS", "status", "HD_STATUS_ID", "status_id", "status", "Status", 5, "none",
                        "uservisible"),
                new LayoutField("PRIORITY", "priority", "HD_PRIORITY_ID", "priority_id", "priority", "Priority", 6,
                        "none", "uservisible"),
                new LayoutField("OWNER", "owner", "OWNER_ID", "owner_id", "user", "Owner", 7, "none", "uservisible"),
                new LayoutField("MACHINE", "machine", "MACHINE_ID", "machine_id", "machine", "Device", 8, "none",
                        "uservisible"),
                new LayoutField("ASSET", "asset", "ASSET_ID", "asset_id", "asset", "Asset", 9, "none",
                        "uservisible")));
        for (int n = 1; n <= TicketColumns.CUSTOM_FIELDS; n++) {
            String column = "CUSTOM_FIELD_VALUE" + (n - 1);
            fields.add(new LayoutField("CUSTOM_" + n, "custom_" + n, column, column.toLowerCase(), "text",
                    "Custom " + n, 9 + n, "none", "userhidden"));
        }
        int next = 10 + TicketColumns.CUSTOM_FIELDS;
        fields.addAll(List.of(
                new LayoutField("DUE_DATE", "due_date", "DUE_DATE", "due_date", "date", "Due Date", next, "none",
                        "userhidden"),
                new LayoutField("CC_LIST", "cc_list", "CC_LIST", "cc_list", "text", "CC List", next + 1, "none",
                        "userhidden"),
                new LayoutField("CREATED", "created", "CREATED", null, "timestamp", "Created", next + 2, "none",
                        "uservisible"),
                new LayoutField("MODIFIED", "modified", "MODIFIED", null, "timestamp", "Modified", next + 3, "none",
                        "uservisible"),
                new LayoutField("SUBMITTER", "submitter", "SUBMITTER_ID", "submitter_id", "user", "Submitter",
                        next + 4, "none", "usercreate"),
                new LayoutField("SEE_ALSO", "related_tickets", "RELATED_TICKET_IDS", "related_ticket_ids",
                        "ticket_array", "See Also", next + 5, "none", "userhidden"),
                new LayoutField("REFERRERS", "referring_tickets", null, null, "ticket_array", "Referrers", next + 6,
                        "none", "userhidden"),
                new LayoutField("RESOLUTION", "resolution", "RESOLUTION", "resolution", "text", "Resolution",
                        next + 7, "none", "uservisible")));
        return fields;
    }
}
