package org.opensma.agent.machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.opensma.agent.message.Inventory;
import org.opensma.agent.message.Section;

/**
 * Network fields of a machine: the primary address with the MAC and mask of its interface,
 * the interface list and the physical MAC addresses used to recognise a machine.
 */
record NetworkSummary(String ip, String mac, String ipv6, String netmask,
        List<String> macAddresses, List<NetworkInterface> interfaces) {

    private static final String ZERO_MAC = "00:00:00:00:00:00";
    private static final Pattern MAC = Pattern.compile("^([0-9a-f]{2}:){5}[0-9a-f]{2}$");

    // NOTE: OCS agent 2.10 omitted VIRTUALDEV for ifb0 and ifb1 in a real inventory, so names
    // of common virtual devices are the fallback. The list is a heuristic, not exhaustive.
    private static final Pattern VIRTUAL_NAME = Pattern.compile(
            "^(lo|ifb|veth|docker|br-|virbr|vnet|tun|tap|dummy|wg|vxlan|cni|flannel|cali|kube|tailscale|zt).*");

    static NetworkSummary from(Inventory inventory) {
        List<Section> entries = inventory.all("NETWORKS");
        List<NetworkInterface> interfaces = mergeInterfaces(entries);
        List<String> macAddresses = physicalMacs(interfaces);

        String ip = primaryIp(inventory.first("HARDWARE").get("IPADDR"), interfaces);
        Section carrier = entryWithIpv4(entries, ip);
        String mac = carrierMac(carrier, macAddresses);
        String netmask = carrier == null ? "" : carrier.get("IPMASK").strip();
        String ipv6 = primaryIpv6(carrier, interfaces);

        return new NetworkSummary(ip, mac, ipv6, netmask, macAddresses, interfaces);
    }

    /** Merges the per-address NETWORKS entries into one interface per (name, MAC). */
    private static List<NetworkInterface> mergeInterfaces(List<Section> entries) {
        Map<String, List<Section>> byInterface = new LinkedHashMap<>();
        for (Section entry : entries) {
            String key = entry.get("DESCRIPTION").strip() + "|" + normaliseMac(entry.get("MACADDR"));
            byInterface.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        }

        List<NetworkInterface> interfaces = new ArrayList<>();
        for (List<Section> group : byInterface.values()) {
            interfaces.add(toInterface(group));
        }
        return List.copyOf(interfaces);
    }

    private static NetworkInterface toInterface(List<Section> group) {
        Section first = group.getFirst();
        String ipv4 = "";
        String netmask = "";
        String globalIpv6 = "";
        String linkLocalIpv6 = "";
        String type = "";
        String status = "";
        String speed = "";

        for (Section entry : group) {
            for (String address : addresses(entry)) {
                if (!isIpv6(address) && ipv4.isEmpty()) {
                    ipv4 = address;
                    netmask = entry.get("IPMASK").strip();
                } else if (isIpv6(address) && isLinkLocal(address) && linkLocalIpv6.isEmpty()) {
                    linkLocalIpv6 = address;
                } else if (isIpv6(address) && !isLinkLocal(address) && globalIpv6.isEmpty()) {
                    globalIpv6 = address;
                }
            }
            type = type.isEmpty() ? entry.get("TYPE").strip() : type;
            status = status.isEmpty() ? entry.get("STATUS").strip() : status;
            speed = speed.isEmpty() ? entry.get("SPEED").strip() : speed;
        }

        String ipv6 = globalIpv6.isEmpty() ? linkLocalIpv6 : globalIpv6;
        return new NetworkInterface(first.get("DESCRIPTION").strip(), normaliseMac(first.get("MACADDR")),
                ipv4, netmask, ipv6, type, status, isVirtual(first), speed);
    }

    /** Returns the addresses of one entry. OCS puts IPv6 in IPADDRESS, FusionInventory in IPADDRESS6. */
    private static List<String> addresses(Section entry) {
        List<String> addresses = new ArrayList<>();
        for (String field : List.of("IPADDRESS", "IPADDRESS6")) {
            String address = entry.get(field).strip();
            if (!address.isEmpty()) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    private static boolean isVirtual(Section entry) {
        String virtualDevice = entry.get("VIRTUALDEV").strip();
        if ("loopback".equalsIgnoreCase(entry.get("TYPE").strip())) {
            return true;
        }
        if (!virtualDevice.isEmpty()) {
            return virtualDevice.equals("1");
        }
        return VIRTUAL_NAME.matcher(entry.get("DESCRIPTION").strip()).matches();
    }

    private static List<String> physicalMacs(List<NetworkInterface> interfaces) {
        Set<String> macs = new LinkedHashSet<>();
        for (NetworkInterface nic : interfaces) {
            if (isUsableMac(nic)) {
                macs.add(nic.mac());
            }
        }
        return List.copyOf(macs);
    }

    private static boolean isUsableMac(NetworkInterface nic) {
        return !nic.virtual() && MAC.matcher(nic.mac()).matches() && !nic.mac().equals(ZERO_MAC);
    }

    /** Returns the first non-loopback HARDWARE/IPADDR entry, else the first interface IPv4. */
    private static String primaryIp(String hardwareAddresses, List<NetworkInterface> interfaces) {
        for (String address : hardwareAddresses.split("/")) {
            String candidate = address.strip();
            if (!candidate.isEmpty() && !isLoopback(candidate)) {
                return candidate;
            }
        }
        for (NetworkInterface nic : interfaces) {
            if (!nic.ipv4().isEmpty() && !isLoopback(nic.ipv4()) && !"loopback".equalsIgnoreCase(nic.type())) {
                return nic.ipv4();
            }
        }
        return "";
    }

    private static Section entryWithIpv4(List<Section> entries, String ip) {
        if (ip.isEmpty()) {
            return null;
        }
        for (Section entry : entries) {
            if (entry.get("IPADDRESS").strip().equals(ip)) {
                return entry;
            }
        }
        return null;
    }

    /** Returns the MAC of the interface carrying the primary address, else the first physical MAC. */
    private static String carrierMac(Section carrier, List<String> macAddresses) {
        if (carrier != null) {
            String mac = normaliseMac(carrier.get("MACADDR"));
            if (macAddresses.contains(mac)) {
                return mac;
            }
        }
        return macAddresses.isEmpty() ? "" : macAddresses.getFirst();
    }

    /** Returns the IPv6 address of the interface carrying the primary address, else of any interface. */
    private static String primaryIpv6(Section carrier, List<NetworkInterface> interfaces) {
        if (carrier != null) {
            String carrierName = carrier.get("DESCRIPTION").strip();
            for (NetworkInterface nic : interfaces) {
                if (nic.name().equals(carrierName) && !nic.ipv6().isEmpty()) {
                    return nic.ipv6();
                }
            }
        }
        for (NetworkInterface nic : interfaces) {
            if (!nic.virtual() && !nic.ipv6().isEmpty() && !isLoopback(nic.ipv6())) {
                return nic.ipv6();
            }
        }
        return "";
    }

    private static String normaliseMac(String mac) {
        return mac.strip().toLowerCase(Locale.ROOT).replace('-', ':');
    }

    private static boolean isIpv6(String address) {
        return address.indexOf(':') >= 0;
    }

    private static boolean isLinkLocal(String address) {
        return address.toLowerCase(Locale.ROOT).startsWith("fe80:");
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1");
    }
}
