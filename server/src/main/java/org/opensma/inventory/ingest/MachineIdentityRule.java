package org.opensma.inventory.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opensma.agent.machine.MachineSnapshot;

/**
 * Keys by which an inventory finds its stored machine, named as in
 * {@code opensma.inventory.identity.order}. Each rule returns the usable values of the
 * inventory; placeholder values that firmware and hypervisors report for many machines
 * at once are not usable.
 */
enum MachineIdentityRule {

    DEVICE_ID("device-id"),
    HARDWARE_UUID("hardware-uuid"),
    SERIAL_NUMBER("serial-number"),
    MAC_ADDRESSES("mac-addresses"),
    NAME("name");

    /**
     * Serial numbers and UUIDs that vendors ship unset, compared in lower case. Values made
     * only of zeros, dashes, spaces or 'F's are rejected by {@link #isPlaceholder} as well.
     */
    private static final Set<String> PLACEHOLDERS = Set.of(
            "to be filled by o.e.m.", "to be filled by oem", "system serial number", "chassis serial number",
            "default string", "not specified", "not applicable", "not available", "none", "n/a", "na", "null",
            "unknown", "invalid", "serial", "serialnumber", "serial number", "0123456789", "123456789",
            "1234567890", "oem", "o.e.m.", "03000200-0400-0500-0006-000700080009");

    /** Host names that many unconfigured machines share. */
    private static final Set<String> PLACEHOLDER_NAMES = Set.of("localhost", "localhost.localdomain");

    private final String key;

    MachineIdentityRule(String key) {
        this.key = key;
    }

    /** Returns the rule's name as written in the setting and in recorded conflicts. */
    String key() {
        return key;
    }

    /** Parses the setting, rejecting unknown or repeated rule names. */
    static List<MachineIdentityRule> parseOrder(List<String> names) {
        List<MachineIdentityRule> rules = new ArrayList<>();
        for (String name : names) {
            MachineIdentityRule rule = fromKey(name.strip());
            if (rules.contains(rule)) {
                throw new IllegalArgumentException("opensma.inventory.identity.order lists '" + name.strip()
                        + "' twice; list each rule at most once");
            }
            rules.add(rule);
        }
        return List.copyOf(rules);
    }

    private static MachineIdentityRule fromKey(String name) {
        for (MachineIdentityRule rule : values()) {
            if (rule.key.equalsIgnoreCase(name)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("opensma.inventory.identity.order contains the unknown rule '" + name
                + "'; use device-id, hardware-uuid, serial-number, mac-addresses or name");
    }

    /** Returns the usable values of this key in the inventory, or an empty list when it has none. */
    List<String> values(MachineSnapshot snapshot) {
        return switch (this) {
            case DEVICE_ID -> usable(snapshot.deviceId()) ? List.of(snapshot.deviceId().strip()) : List.of();
            case HARDWARE_UUID -> usableUuid(snapshot.uuid()) ? List.of(snapshot.uuid().strip()) : List.of();
            case SERIAL_NUMBER -> usableSerial(snapshot.biosSerialNumber())
                    ? List.of(snapshot.biosSerialNumber().strip()) : List.of();
            case MAC_ADDRESSES -> macs(snapshot);
            case NAME -> usableName(snapshot.name()) ? List.of(snapshot.name().strip()) : List.of();
        };
    }

    /** Returns the physical MAC addresses of the inventory in lower case, without placeholders. */
    static List<String> macs(MachineSnapshot snapshot) {
        return snapshot.macAddresses().stream()
                .map(mac -> mac.strip().toLowerCase(Locale.ROOT))
                .filter(MachineIdentityRule::usableMac)
                .distinct()
                .sorted()
                .toList();
    }

    static boolean usableUuid(String value) {
        return usable(value) && !isPlaceholder(value);
    }

    static boolean usableSerial(String value) {
        return usable(value) && !isPlaceholder(value);
    }

    static boolean usableName(String value) {
        return usable(value) && !PLACEHOLDER_NAMES.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean usableMac(String mac) {
        return !mac.isEmpty() && !mac.equals("00:00:00:00:00:00") && !mac.equals("ff:ff:ff:ff:ff:ff");
    }

    private static boolean usable(String value) {
        return value != null && !value.isBlank();
    }

    /** Returns whether a serial number or UUID is a vendor placeholder rather than a value of one machine. */
    static boolean isPlaceholder(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.contains(text)) {
            return true;
        }
        String significant = text.replace("-", "").replace(" ", "");
        return significant.isEmpty() || significant.chars().allMatch(c -> c == '0')
                || significant.chars().allMatch(c -> c == 'f') || significant.chars().allMatch(c -> c == 'x');
    }
}
