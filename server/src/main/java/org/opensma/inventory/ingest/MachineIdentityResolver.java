package org.opensma.inventory.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opensma.agent.machine.MachineSnapshot;
import org.opensma.inventory.persistence.MachineIdentityRepository;
import org.opensma.inventory.persistence.MachineIdentityRepository.StoredIdentity;
import org.opensma.platform.config.OpenSmaProperties;
import org.springframework.stereotype.Component;

/**
 * Finds the stored machine an inventory belongs to by the rules of
 * {@code opensma.inventory.identity.order}, tried in order:
 * <ul>
 * <li>A rule without a usable value in the inventory is skipped.</li>
 * <li>A rule that matches exactly one machine decides, unless the machine contradicts the
 *     inventory (see {@link #contradiction}). A contradicted machine is set aside for the
 *     remaining rules.</li>
 * <li>A rule that matches several machines does not decide. The remaining rules may still
 *     pick one of them.</li>
 * </ul>
 * When no rule decides, the inventory becomes a new machine, and every contradicted or
 * ambiguous match is returned as a conflict to record.
 */
@Component
class MachineIdentityResolver {

    private final MachineIdentityRepository identities;
    private final List<MachineIdentityRule> order;

    MachineIdentityResolver(MachineIdentityRepository identities, OpenSmaProperties properties) {
        this.identities = identities;
        this.order = MachineIdentityRule.parseOrder(properties.inventory().identity().order());
    }

    /** A rule that matched machines the ingest did not merge with, and why. */
    record Conflict(MachineIdentityRule rule, String value, List<Long> machineIds, String reason) {
    }

    /** The machine found, or none, with the conflicts to record when the inventory becomes a new machine. */
    record Resolution(Optional<Long> machineId, MachineIdentityRule rule, List<Conflict> conflicts) {
    }

    Resolution resolve(long orgId, MachineSnapshot snapshot) {
        List<Conflict> conflicts = new ArrayList<>();
        Set<Long> setAside = new LinkedHashSet<>();
        for (MachineIdentityRule rule : order) {
            List<String> values = rule.values(snapshot);
            if (values.isEmpty()) {
                continue;
            }
            List<Long> candidates = new ArrayList<>(find(orgId, rule, values));
            candidates.removeAll(setAside);
            String value = String.join(", ", values);
            if (candidates.size() > 1) {
                conflicts.add(new Conflict(rule, value, List.copyOf(candidates),
                        candidates.size() + " machines have this " + rule.key()));
                continue;
            }
            if (candidates.isEmpty()) {
                continue;
            }
            long candidate = candidates.getFirst();
            if (rule == MachineIdentityRule.DEVICE_ID) {
                // Nothing contradicts a device id (see contradiction), so the stored keys are not read.
                return new Resolution(Optional.of(candidate), rule, List.of());
            }
            Optional<String> contradiction = identities.load(candidate)
                    .flatMap(stored -> contradiction(rule, stored, snapshot));
            if (contradiction.isPresent()) {
                conflicts.add(new Conflict(rule, value, List.of(candidate), contradiction.get()));
                setAside.add(candidate);
                continue;
            }
            return new Resolution(Optional.of(candidate), rule, List.of());
        }
        return new Resolution(Optional.empty(), null, Collections.unmodifiableList(conflicts));
    }

    private List<Long> find(long orgId, MachineIdentityRule rule, List<String> values) {
        return switch (rule) {
            case DEVICE_ID -> identities.findByDeviceId(orgId, values.getFirst());
            case HARDWARE_UUID -> identities.findByHardwareUuid(orgId, values.getFirst());
            case SERIAL_NUMBER -> identities.findBySerialNumber(orgId, values.getFirst());
            case MAC_ADDRESSES -> identities.findByAnyMac(orgId, values);
            case NAME -> identities.findByName(orgId, values.getFirst());
        };
    }

    /**
     * Returns why a machine that one rule matched is a different machine, or empty when
     * nothing contradicts the match. A key contradicts when the stored machine and the
     * inventory both have a usable value and the values differ; MAC addresses contradict
     * when both sides have some and share none. A match by
     * <ul>
     * <li>device id is never contradicted, because the agent generates it per installation;</li>
     * <li>hardware UUID is contradicted by the serial number, or by MAC addresses and name
     *     together, which is how a cloned virtual machine differs from its source;</li>
     * <li>serial number is contradicted by the hardware UUID, or by MAC addresses and name together;</li>
     * <li>MAC addresses is contradicted by the hardware UUID or the serial number;</li>
     * <li>name is contradicted by the hardware UUID, the serial number or the MAC addresses.</li>
     * </ul>
     * So a renamed machine, a replaced network card and a reinstalled operating system stay
     * one machine as long as the UUID or serial number is unchanged.
     */
    static Optional<String> contradiction(MachineIdentityRule rule, StoredIdentity stored, MachineSnapshot snapshot) {
        boolean uuidDiffers = MachineIdentityRule.usableUuid(stored.hardwareUuid())
                && MachineIdentityRule.usableUuid(snapshot.uuid())
                && !stored.hardwareUuid().strip().equalsIgnoreCase(snapshot.uuid().strip());
        boolean serialDiffers = MachineIdentityRule.usableSerial(stored.serialNumber())
                && MachineIdentityRule.usableSerial(snapshot.biosSerialNumber())
                && !stored.serialNumber().strip().equals(snapshot.biosSerialNumber().strip());
        List<String> macs = MachineIdentityRule.macs(snapshot);
        boolean macsDisjoint = !stored.macAddresses().isEmpty() && !macs.isEmpty()
                && macs.stream().noneMatch(stored.macAddresses()::contains);
        boolean nameDiffers = !stored.name().strip().toLowerCase(Locale.ROOT)
                .equals(snapshot.name().strip().toLowerCase(Locale.ROOT));

        String reason = switch (rule) {
            case DEVICE_ID -> null;
            case HARDWARE_UUID -> serialDiffers ? "the serial number differs"
                    : macsDisjoint && nameDiffers ? "the MAC addresses and the name differ" : null;
            case SERIAL_NUMBER -> uuidDiffers ? "the hardware UUID differs"
                    : macsDisjoint && nameDiffers ? "the MAC addresses and the name differ" : null;
            case MAC_ADDRESSES -> uuidDiffers ? "the hardware UUID differs"
                    : serialDiffers ? "the serial number differs" : null;
            case NAME -> uuidDiffers ? "the hardware UUID differs"
                    : serialDiffers ? "the serial number differs"
                    : macsDisjoint ? "the MAC addresses differ" : null;
        };
        return Optional.ofNullable(reason);
    }
}
