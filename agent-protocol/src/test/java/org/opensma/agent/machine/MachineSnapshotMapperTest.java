package org.opensma.agent.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.opensma.agent.Samples;
import org.opensma.agent.body.AgentBodyDecoder;
import org.opensma.agent.message.OcsMessage;
import org.opensma.agent.message.OcsMessageParser;

class MachineSnapshotMapperTest {

    private static final String DEVICE_ID = "testhost-01-2026-12-04-19-32-07";
    private static final String ETH0_MAC = "00:00:5e:00:53:03";

    @Test
    void mapsOcsWireInventory() {
        MachineSnapshot machine = mapBody(Samples.bytes(Samples.OCS_INVENTORY), Samples.OCS_USER_AGENT);

        assertThat(machine.deviceId()).isEqualTo(DEVICE_ID);
        assertThat(machine.name()).isEqualTo("testhost-01");
        assertThat(machine.osName()).isEqualTo("Debian GNU/Linux 12");
        assertThat(machine.osNumber()).isEqualTo("12");
        assertThat(machine.osMajor()).isEqualTo("12");
        assertThat(machine.osMinor()).isEmpty();
        assertThat(machine.osBuild()).isEmpty();
        assertThat(machine.osFamily()).isEqualTo("linux");
        assertThat(machine.osArch()).isEqualTo("x86_64");
        assertThat(machine.sysArch()).isEqualTo("x86_64");
        assertThat(machine.osInstalledDate()).as("OCS sends the invalid date 1970-00-01").isNull();
        assertThat(machine.lastReboot()).isNull();
        assertThat(machine.uptime()).isEqualTo("00-00-00 00:19:54");
        assertThat(machine.ramTotalMb()).isEqualTo(24105L);
        assertThat(machine.ramMaxMb()).isNull();
        assertThat(machine.swapMb()).isZero();
        assertThat(machine.csDomain()).isEqualTo("WORKGROUP");
        assertThat(machine.virtual()).isFalse();
        assertThat(machine.processors()).isEqualTo("1 x AMD EPYC");
        assertThat(machine.cpuName()).isEqualTo("AMD EPYC");
        assertThat(machine.physicalProcessors()).isEqualTo(1);
        assertThat(machine.physicalCores()).isEqualTo(2);
        assertThat(machine.clientVersion()).isEqualTo(Samples.OCS_USER_AGENT);
        assertThat(machine.uuid()).isEmpty();
        assertThat(machine.biosSerialNumber()).isEmpty();
        assertThat(machine.tzAgent()).isEmpty();
    }

    @Test
    void mapsOcsNetworks() {
        MachineSnapshot machine = mapBody(Samples.bytes(Samples.OCS_INVENTORY), Samples.OCS_USER_AGENT);

        assertThat(machine.ip()).isEqualTo("192.0.2.2");
        assertThat(machine.mac()).isEqualTo(ETH0_MAC);
        assertThat(machine.netmask()).isEqualTo("255.255.255.0");
        assertThat(machine.ipv6()).isEqualTo("fe80::200:5eff:fe00:5301");
        assertThat(machine.macAddresses()).containsExactly(ETH0_MAC);
        assertThat(machine.networks()).extracting(NetworkInterface::name).containsExactly("ifb0", "ifb1", "eth0");
        NetworkInterface ifb0 = machine.networks().getFirst();
        assertThat(ifb0.virtual()).as("ifb0 has no VIRTUALDEV from OCS, so its name decides").isTrue();
        assertThat(machine.networks().get(2)).isEqualTo(new NetworkInterface("eth0", ETH0_MAC, "192.0.2.2",
                "255.255.255.0", "fe80::200:5eff:fe00:5301", "ethernet", "Up", false, "-1 Mbps"));
    }

    @Test
    void mapsOcsSoftware() {
        MachineSnapshot machine = mapBody(Samples.bytes(Samples.OCS_INVENTORY), Samples.OCS_USER_AGENT);

        assertThat(machine.software()).hasSize(806);
        SoftwareItem bash = machine.software().stream().filter(item -> item.name().equals("bash")).findFirst().orElseThrow();
        assertThat(bash).isEqualTo(new SoftwareItem("bash", "5.2.15-2+b8",
                "http://tiswww.case.edu/php/chet/bash/bashtop.html", "2025-04-20 00:00:00", "", "amd64", "deb", 7335936L));
        assertThat(machine.processes()).isEmpty();
    }

    @Test
    void mapsFusionInventoryWireInventory() {
        MachineSnapshot machine = mapBody(Samples.bytes(Samples.FI_INVENTORY), Samples.FI_USER_AGENT);

        assertThat(machine.deviceId()).isEqualTo("testhost-01-2026-12-04-19-28-08");
        assertThat(machine.name()).isEqualTo("testhost-01");
        assertThat(machine.osName()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(machine.osNumber()).isEqualTo("12.11");
        assertThat(machine.osMajor()).isEqualTo("12");
        assertThat(machine.osMinor()).isEqualTo("11");
        assertThat(machine.osBuild()).isEqualTo("6.18.44-fc-v1272");
        assertThat(machine.osFamily()).isEqualTo("linux");
        assertThat(machine.osArch()).isEqualTo("x86_64");
        assertThat(machine.sysArch()).isEqualTo("x86_64");
        assertThat(machine.lastReboot()).isEqualTo(LocalDateTime.of(2026, 12, 4, 19, 12, 14));
        assertThat(machine.osInstalledDate()).isNull();
        assertThat(machine.ramTotalMb()).isEqualTo(24105L);
        assertThat(machine.swapMb()).isNull();
        assertThat(machine.virtual()).as("FusionInventory reports VMSYSTEM Docker").isTrue();
        assertThat(machine.lastUser()).as("wtmp is a FusionInventory parsing artefact").isEmpty();
        assertThat(machine.processors()).isEqualTo("1 x AMD EPYC");
        assertThat(machine.physicalCores()).isEqualTo(2);
        assertThat(machine.tzAgent()).isEqualTo("UTC +0000");
        assertThat(machine.clientVersion()).isEqualTo("FusionInventory-Agent_v2.6-3");
        assertThat(machine.domain()).isEmpty();
    }

    @Test
    void mapsFusionInventoryNetworksAndLists() {
        MachineSnapshot machine = mapBody(Samples.bytes(Samples.FI_INVENTORY), Samples.FI_USER_AGENT);

        assertThat(machine.ip()).isEqualTo("192.0.2.2");
        assertThat(machine.mac()).isEqualTo(ETH0_MAC);
        assertThat(machine.netmask()).isEqualTo("255.255.255.0");
        assertThat(machine.ipv6()).isEqualTo("2001:db8::2");
        assertThat(machine.macAddresses()).containsExactly(ETH0_MAC);
        assertThat(machine.networks()).extracting(NetworkInterface::name).containsExactly("lo", "ifb0", "ifb1", "eth0");
        assertThat(machine.networks().getFirst().virtual()).isTrue();
        assertThat(machine.software()).hasSize(806);
        assertThat(machine.software().getFirst()).isEqualTo(
                new SoftwareItem("adduser", "3.134", "Debian", "", "", "all", "deb", 702464L));
        assertThat(machine.processes()).hasSize(74);
        assertThat(machine.processes().getFirst())
                .isEqualTo(new ProcessItem("root", 1L, "/sbin/init", "2026-12-04 19:12", "0.5", "0.0"));
    }

    @Test
    void mapsLocalInventoriesPlainAndCompressed() {
        byte[] ocs = Samples.bytes(Samples.OCS_LOCAL);
        byte[] fusion = Samples.bytes(Samples.FI_LOCAL);

        MachineSnapshot ocsPlain = mapBody(ocs, Samples.OCS_USER_AGENT);
        MachineSnapshot ocsCompressed = mapBody(Samples.zlib(ocs), Samples.OCS_USER_AGENT);
        MachineSnapshot fusionCompressed = mapBody(Samples.zlib(fusion), Samples.FI_USER_AGENT);

        assertThat(ocsCompressed).isEqualTo(ocsPlain);
        assertThat(ocsPlain.name()).isEqualTo("testhost-01");
        assertThat(ocsPlain.osName()).isEqualTo("Debian GNU/Linux 12");
        assertThat(ocsPlain.uptime()).isEqualTo("00-00-00 00:22:26");
        assertThat(ocsPlain.software()).hasSize(806);
        assertThat(fusionCompressed.osNumber()).isEqualTo("12.11");
        assertThat(fusionCompressed.ip()).isEqualTo("192.0.2.2");
        assertThat(fusionCompressed.software()).hasSize(806);
        assertThat(fusionCompressed.processes()).hasSize(74);
    }

    @Test
    void deduplicatesSoftwareByNameVersionArchitecture() {
        String content = software("zstd", "1.5.4", "amd64") + software("zstd", "1.5.4", "amd64")
                + software("zstd", "1.5.4", "i386") + software("zstd", "1.5.5", "amd64") + software("", "1", "amd64");

        MachineSnapshot machine = mapContent(content);

        assertThat(machine.software()).extracting(item -> item.version() + "/" + item.architecture())
                .containsExactly("1.5.4/amd64", "1.5.4/i386", "1.5.5/amd64");
    }

    @Test
    void normalisesSoftwareInstallDates() {
        String content = "<SOFTWARES><NAME>a</NAME><INSTALLDATE>2025/04/20 13:14:15</INSTALLDATE></SOFTWARES>"
                + "<SOFTWARES><NAME>b</NAME><INSTALLDATE>24/12/2023</INSTALLDATE></SOFTWARES>"
                + "<SOFTWARES><NAME>c</NAME><INSTALLDATE>20230102</INSTALLDATE></SOFTWARES>"
                + "<SOFTWARES><NAME>d</NAME><INSTALLDATE>2023-13-01</INSTALLDATE></SOFTWARES>";

        MachineSnapshot machine = mapContent(content);

        assertThat(machine.software()).extracting(SoftwareItem::installDate)
                .containsExactly("2025-04-20 13:14:15", "2023-12-24 00:00:00", "2023-01-02 00:00:00", "");
    }

    @Test
    void groupsProcessorsBySocketModel() {
        String content = "<CPUS><NAME>Intel(R) Xeon(R) Gold 6230</NAME><CORE>20</CORE></CPUS>"
                + "<CPUS><NAME>Intel(R) Xeon(R) Gold 6230</NAME><CORE>20</CORE></CPUS>"
                + "<CPUS><TYPE>AMD EPYC</TYPE><CORES>8</CORES></CPUS>";

        MachineSnapshot machine = mapContent(content);

        assertThat(machine.processors()).isEqualTo("2 x Intel(R) Xeon(R) Gold 6230, 1 x AMD EPYC");
        assertThat(machine.cpuName()).isEqualTo("Intel(R) Xeon(R) Gold 6230");
        assertThat(machine.physicalProcessors()).isEqualTo(3);
        assertThat(machine.physicalCores()).isEqualTo(48);
    }

    @Test
    void mapsHardwareDevicesAndBios() {
        String content = "<BIOS><SSN>To Be Filled By O.E.M.</SSN><BIOSSERIAL>ABC123</BIOSSERIAL>"
                + "<SMANUFACTURER>Dell Inc.</SMANUFACTURER><SMODEL>OptiPlex 7090</SMODEL><BMANUFACTURER>Dell Inc.</BMANUFACTURER>"
                + "<BVERSION>1.2.3</BVERSION><BDATE>05/17/2023</BDATE><ASSETTAG>A-42</ASSETTAG><TYPE>Desktop</TYPE></BIOS>"
                + "<HARDWARE><UUID>4C4C4544-0000-1000-8000-B7C04F4B4E32</UUID><VMSYSTEM>Physical</VMSYSTEM></HARDWARE>"
                + "<MEMORIES><CAPACITY>8192</CAPACITY></MEMORIES><MEMORIES><CAPACITY>8192</CAPACITY></MEMORIES>"
                + "<MEMORIES><CAPACITY>No Module Installed</CAPACITY></MEMORIES>"
                + "<VIDEOS><NAME>Intel UHD Graphics 750</NAME></VIDEOS><VIDEOS><CHIPSET>NVIDIA T400</CHIPSET></VIDEOS>"
                + "<MONITORS><MANUFACTURER>Dell</MANUFACTURER><CAPTION>P2422H</CAPTION></MONITORS>"
                + "<SOUNDS><NAME>Realtek ALC3246</NAME></SOUNDS><PRINTERS><NAME>HP LaserJet</NAME></PRINTERS>"
                + "<STORAGES><NAME>sr0</NAME><TYPE>cdrom</TYPE></STORAGES><STORAGES><NAME>sda</NAME><TYPE>disk</TYPE></STORAGES>"
                + "<USERS><LOGIN>alice</LOGIN></USERS><USERS><LOGIN>bob</LOGIN></USERS><USERS><LOGIN>alice</LOGIN></USERS>";

        MachineSnapshot machine = mapContent(content);

        assertThat(machine.biosSerialNumber()).isEqualTo("ABC123");
        assertThat(machine.uuid()).isEqualTo("4C4C4544-0000-1000-8000-B7C04F4B4E32");
        assertThat(machine.csManufacturer()).isEqualTo("Dell Inc.");
        assertThat(machine.csModel()).isEqualTo("OptiPlex 7090");
        assertThat(machine.chassisType()).isEqualTo("Desktop");
        assertThat(machine.biosName()).isEqualTo("Dell Inc. 1.2.3");
        assertThat(machine.biosReleaseDate()).isEqualTo("05/17/2023");
        assertThat(machine.assetTag()).isEqualTo("A-42");
        assertThat(machine.virtual()).isFalse();
        assertThat(machine.ramMaxMb()).isEqualTo(16384L);
        assertThat(machine.videoControllers()).isEqualTo("Intel UHD Graphics 750, NVIDIA T400");
        assertThat(machine.monitors()).isEqualTo("Dell P2422H");
        assertThat(machine.soundDevices()).isEqualTo("Realtek ALC3246");
        assertThat(machine.printers()).isEqualTo("HP LaserJet");
        assertThat(machine.cdromDevices()).isEqualTo("sr0");
        assertThat(machine.user()).isEqualTo("alice, bob");
    }

    @Test
    void fallsBackToNetworkAddressWithoutHardwareIp() {
        String content = "<NETWORKS><DESCRIPTION>lo</DESCRIPTION><IPADDRESS>127.0.0.1</IPADDRESS>"
                + "<MACADDR>00:00:00:00:00:00</MACADDR><TYPE>loopback</TYPE></NETWORKS>"
                + "<NETWORKS><DESCRIPTION>docker0</DESCRIPTION><IPADDRESS>172.17.0.1</IPADDRESS>"
                + "<MACADDR>02:42:AC:11:00:01</MACADDR><VIRTUALDEV>1</VIRTUALDEV></NETWORKS>"
                + "<NETWORKS><DESCRIPTION>enp3s0</DESCRIPTION><IPADDRESS>198.51.100.7</IPADDRESS>"
                + "<IPMASK>255.255.255.0</IPMASK><MACADDR>00:00:5E:00:53:AA</MACADDR><VIRTUALDEV>0</VIRTUALDEV></NETWORKS>";

        MachineSnapshot machine = mapContent(content);

        assertThat(machine.ip()).as("first non-loopback address, even on a virtual NIC").isEqualTo("172.17.0.1");
        assertThat(machine.mac()).as("a virtual NIC falls back to the first physical MAC").isEqualTo("00:00:5e:00:53:aa");
        assertThat(machine.macAddresses()).containsExactly("00:00:5e:00:53:aa");
    }

    private static MachineSnapshot mapBody(byte[] body, String userAgent) {
        byte[] xml = new AgentBodyDecoder().decode(body).content();
        OcsMessage.InventoryMessage message = (OcsMessage.InventoryMessage) OcsMessageParser.parse(xml);
        return MachineSnapshotMapper.map(message.deviceId(), message.inventory(), userAgent);
    }

    private static MachineSnapshot mapContent(String content) {
        String xml = "<REQUEST><CONTENT>" + content + "</CONTENT><DEVICEID>" + DEVICE_ID
                + "</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>";
        return mapBody(xml.getBytes(StandardCharsets.UTF_8), Samples.OCS_USER_AGENT);
    }

    private static String software(String name, String version, String architecture) {
        return "<SOFTWARES><NAME>" + name + "</NAME><VERSION>" + version + "</VERSION><ARCH>" + architecture
                + "</ARCH></SOFTWARES>";
    }
}
