package org.opensma.inventory.ingest;

import static org.opensma.inventory.persistence.InventoryTables.machine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.opensma.inventory.persistence.MachineHistoryRepository.Entry;
import org.opensma.inventory.persistence.MachineHistoryRepository.Kind;
import org.opensma.inventory.persistence.MachineIngestRepository.LinkChanges;
import org.opensma.inventory.persistence.SoftwareKey;

/** Turns what one inventory changed in a stored machine into change history entries. */
final class MachineChanges {

    /** Machine columns whose change is recorded as HARDWARE_CHANGED, with the label used in the detail. */
    private static final Map<Field<?>, String> LABELS = Map.of(
            machine("ram_total_mb", SQLDataType.BIGINT), "RAM (MB)",
            machine("cpu_name", SQLDataType.VARCHAR), "CPU",
            machine("physical_cores", SQLDataType.INTEGER), "CPU cores",
            machine("os_name", SQLDataType.VARCHAR), "OS",
            machine("os_number", SQLDataType.VARCHAR), "OS version",
            machine("ip", SQLDataType.VARCHAR), "IP address");

    /** The compared columns in a fixed order, so the entries of one inventory always read alike. */
    static final List<Field<?>> COMPARED = LABELS.keySet().stream()
            .sorted(Comparator.comparing(Field::getName))
            .toList();

    private MachineChanges() {
    }

    /** Returns one HARDWARE_CHANGED entry per compared column whose stored value differs from the new one. */
    static List<Entry> hardware(Map<String, Object> before, Map<Field<?>, Object> after) {
        List<Entry> entries = new ArrayList<>();
        for (Field<?> column : COMPARED) {
            Object old = before.get(column.getName());
            Object now = after.get(column);
            if (!Objects.equals(text(old), text(now))) {
                entries.add(new Entry(Kind.HARDWARE_CHANGED,
                        LABELS.get(column) + ": " + text(old) + " -> " + text(now)));
            }
        }
        return entries;
    }

    /** Returns one entry per software title added or removed, sorted by title within each kind. */
    static List<Entry> software(LinkChanges changes, Map<SoftwareKey, Long> idsByTitle,
            Map<Long, SoftwareKey> removedTitles) {
        List<Entry> entries = new ArrayList<>();
        Set<Long> added = new HashSet<>(changes.addedIds());
        List<String> installed = idsByTitle.entrySet().stream()
                .filter(entry -> added.contains(entry.getValue()))
                .map(entry -> describe(entry.getKey()))
                .sorted()
                .toList();
        installed.forEach(title -> entries.add(new Entry(Kind.SOFTWARE_INSTALLED, title)));
        changes.removedIds().stream()
                .map(id -> removedTitles.containsKey(id) ? describe(removedTitles.get(id)) : "software id " + id)
                .sorted()
                .forEach(title -> entries.add(new Entry(Kind.SOFTWARE_REMOVED, title)));
        return entries;
    }

    private static String describe(SoftwareKey title) {
        StringBuilder text = new StringBuilder(title.name());
        if (!title.version().isEmpty()) {
            text.append(' ').append(title.version());
        }
        if (!title.publisher().isEmpty()) {
            text.append(" (").append(title.publisher()).append(')');
        }
        return text.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
