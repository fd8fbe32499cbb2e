package org.opensma.agent.machine;

/**
 * Network interface merged from the NETWORKS entries that share its name and MAC address,
 * because both agents send one entry per address.
 *
 * @param mac lower-case MAC address, or ""
 * @param ipv4 first IPv4 address, or ""
 * @param netmask IPv4 netmask of {@code ipv4}, or ""
 * @param ipv6 first global IPv6 address, else the first link-local one, or ""
 * @param type agent interface type, such as ethernet, wifi or loopback
 * @param status Up or Down, as the agent reports it
 * @param virtual true for loopback interfaces, for VIRTUALDEV=1, and, when the agent omits
 *     VIRTUALDEV, for names of common virtual devices such as ifb0, veth*, docker0 and br-*
 * @param speed speed text as the agent reports it, such as {@code -1 Mbps} (OCS) or {@code 1000}
 */
public record NetworkInterface(String name, String mac, String ipv4, String netmask, String ipv6,
        String type, String status, boolean virtual, String speed) {
}
