package org.opensma.agent.machine;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Machine fields of the KACE SMA inventory model, taken from one agent inventory.
 * Text fields are "" when the agent did not report them; boxed numbers and dates are null.
 *
 * @param deviceId agent DEVICEID, which KACE shows as Kuid
 * @param uuid SMBIOS product UUID from HARDWARE/UUID
 * @param ip primary IPv4 address
 * @param mac MAC address of the physical interface carrying {@code ip}
 * @param osNumber distribution or product version, such as 12.11 (FusionInventory) or 12 (OCS)
 * @param osBuild kernel version, "" for OCS, which does not report it
 * @param osFamily linux, mswin32, darwin, freebsd and so on
 * @param uptime uptime as the OCS agent reports it, elapsed {@code YY-MM-DD HH:MM:SS}
 * @param domain DNS domain
 * @param csDomain Windows domain or workgroup
 * @param user logged-in users from USERS/LOGIN, joined with ", "
 * @param ramTotalMb installed memory in MiB as seen by the OS
 * @param ramMaxMb sum of the memory module capacities in MiB
 * @param swapMb swap size in MiB
 * @param biosName BIOS manufacturer and version; the agents have no separate BIOS name
 * @param biosReleaseDate BIOS date as the agent reports it, often MM/DD/YYYY
 * @param virtual true when HARDWARE/VMSYSTEM names a hypervisor or container, such as Docker
 * @param processors sockets grouped by model, such as {@code 2 x Intel(R) Xeon(R) Gold 6230}
 * @param monitors monitor names from MONITORS MANUFACTURER and CAPTION, joined with ", "
 * @param tzAgent time zone name and UTC offset, such as {@code UTC +0000}
 * @param clientVersion agent version from VERSIONCLIENT, else the request User-Agent
 * @param macAddresses MAC addresses of the physical interfaces, to recognise a machine
 */
public record MachineSnapshot(
        String deviceId,
        String name,
        String uuid,
        String biosSerialNumber,
        String ip,
        String mac,
        String ipv6,
        String netmask,
        String osName,
        String osNumber,
        String osMajor,
        String osMinor,
        String osBuild,
        String osFamily,
        String osArch,
        String sysArch,
        LocalDateTime osInstalledDate,
        LocalDateTime lastReboot,
        String uptime,
        String domain,
        String csDomain,
        String user,
        String lastUser,
        Long ramTotalMb,
        Long ramMaxMb,
        Long swapMb,
        String csManufacturer,
        String csModel,
        String chassisType,
        String biosName,
        String biosVersion,
        String biosManufacturer,
        String biosReleaseDate,
        String assetTag,
        boolean virtual,
        String processors,
        String cpuName,
        Integer physicalProcessors,
        Integer physicalCores,
        String videoControllers,
        String monitors,
        String soundDevices,
        String printers,
        String cdromDevices,
        String tzAgent,
        String clientVersion,
        List<String> macAddresses,
        List<SoftwareItem> software,
        List<NetworkInterface> networks,
        List<ProcessItem> processes) {

    public MachineSnapshot {
        macAddresses = List.copyOf(macAddresses);
        software = List.copyOf(software);
        networks = List.copyOf(networks);
        processes = List.copyOf(processes);
    }
}
