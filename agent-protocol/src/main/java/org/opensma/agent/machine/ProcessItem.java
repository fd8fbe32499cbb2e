package org.opensma.agent.machine;

/**
 * Running process from PROCESSES (FusionInventory) or RUNNING_PROCESSES (OCS).
 *
 * @param pid process ID, or null when absent
 * @param started start time as the agent reports it, such as {@code 2026-12-04 19:12}
 * @param cpuUsage CPU usage in percent as text
 * @param memory memory usage in percent as text
 */
public record ProcessItem(String user, Long pid, String command, String started, String cpuUsage, String memory) {
}
