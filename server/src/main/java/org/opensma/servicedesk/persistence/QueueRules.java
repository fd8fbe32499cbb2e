package org.opensma.servicedesk.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a ticket write is checked against: a queue's values, defaults and field layout.
 *
 * @param fields the layout by JSON key ({@code title}, {@code status}, {@code custom_1}, …)
 */
public record QueueRules(long id, String name, Long defaultStatusId, Long defaultPriorityId, Long defaultImpactId,
        Long defaultCategoryId, Map<String, List<Choice>> values, Map<String, FieldRule> fields) {

    /** One status, priority, impact or category of the queue. */
    public record Choice(long id, String name, String state, Integer slaMinutes) {
    }

    /** The layout of one field: its visibility to standard users and whether it is required. */
    public record FieldRule(String jsonKey, String label, String visible, String required) {

        public boolean isRequired() {
            return "all".equals(required);
        }
    }

    /** The choices of a value kind: {@code status}, {@code priority}, {@code impact} or {@code category}. */
    public List<Choice> choices(String kind) {
        return values.getOrDefault(kind, List.of());
    }

    public Optional<Choice> choice(String kind, long id) {
        return choices(kind).stream().filter(choice -> choice.id() == id).findFirst();
    }
}
