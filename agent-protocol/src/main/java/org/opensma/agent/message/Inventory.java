package org.opensma.agent.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Content of an INVENTORY message: every section under CONTENT, keyed by element name
 * (HARDWARE, SOFTWARES, NETWORKS and so on) in order of first appearance.
 */
public record Inventory(Map<String, List<Section>> sections) {

    public Inventory {
        Map<String, List<Section>> copy = new LinkedHashMap<>();
        sections.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        sections = Collections.unmodifiableMap(copy);
    }

    /** Returns the first occurrence of a section, or an empty section when it is absent. */
    public Section first(String section) {
        List<Section> occurrences = all(section);
        return occurrences.isEmpty() ? Section.empty() : occurrences.getFirst();
    }

    /** Returns every occurrence of a section, or an empty list. */
    public List<Section> all(String section) {
        return sections.getOrDefault(section, List.of());
    }

    public boolean has(String section) {
        return sections.containsKey(section);
    }
}
