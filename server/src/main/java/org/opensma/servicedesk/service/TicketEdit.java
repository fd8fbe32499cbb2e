package org.opensma.servicedesk.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ticket object of a write body, checked against its queue.
 *
 * @param columns the hd_ticket columns to set
 * @param given the layout keys the body set ({@code status}, {@code custom_3}, …), for the
 *     visibility check of standard users
 * @param comment the comment of {@code change.comment}, or ""
 * @param related the "see also" ticket ids, or null when the body does not set them
 */
record TicketEdit(Map<String, Object> columns, Set<String> given, String comment, List<Long> related) {

    TicketEdit {
        columns = new LinkedHashMap<>(columns);
    }
}
