package org.opensma.agent.machine;

/**
 * Installed software package, one per (name, version, architecture).
 *
 * @param installDate install time as YYYY-MM-DD HH:MM:SS, or "" when absent or unreadable
 * @param architecture package architecture, such as amd64 or all, from ARCH (FusionInventory)
 *     or ARCHITECTURE (OCS)
 * @param source package source from FROM, such as deb, rpm or registry, or ""
 * @param sizeBytes installed size in bytes from FILESIZE, or null when absent
 */
public record SoftwareItem(String name, String version, String publisher, String installDate,
        String uninstallString, String architecture, String source, Long sizeBytes) {
}
