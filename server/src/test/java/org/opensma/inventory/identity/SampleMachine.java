package org.opensma.inventory.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.opensma.support.AgentSamples;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;

/**
 * The recorded OCS agent inventory turned into another machine: host name, DEVICEID,
 * hardware UUID, BIOS serial number, MAC addresses, OS name and extra software titles
 * can each be replaced. The recorded sample has no UUID and no serial number, and its
 * MAC addresses start with {@value #SAMPLE_MAC_PREFIX}, of which only the one ending in 3
 * belongs to a physical interface.
 */
record SampleMachine(String host, String deviceId, String uuid, String serial, String macPrefix, String osName,
        String extraTitle, boolean withoutSoftware) {

    static final String SAMPLE_HOST = "testhost-01";
    static final String SAMPLE_DEVICE_ID = "testhost-01-2026-12-04-19-32-07";
    static final String SAMPLE_MAC_PREFIX = "00:00:5e:00:53:0";
    static final String SAMPLE_OS = "Debian GNU/Linux 12";

    /** Creates a machine with a random host name, DEVICEID, UUID, serial number and MAC prefix. */
    static SampleMachine random(String prefix) {
        String host = prefix + "-" + randomHex(4);
        return new SampleMachine(host, deviceIdOf(host, 0), randomUuid(), "SN-" + randomHex(6), randomMacPrefix(),
                SAMPLE_OS, "", false);
    }

    SampleMachine withHost(String newHost) {
        return new SampleMachine(newHost, deviceId, uuid, serial, macPrefix, osName, extraTitle, withoutSoftware);
    }

    /** Returns the same machine with the DEVICEID that the agent generates when it runs for the first time again. */
    SampleMachine withNewDeviceId(int run) {
        return new SampleMachine(host, deviceIdOf(host, run), uuid, serial, macPrefix, osName, extraTitle,
                withoutSoftware);
    }

    SampleMachine withUuid(String newUuid) {
        return new SampleMachine(host, deviceId, newUuid, serial, macPrefix, osName, extraTitle, withoutSoftware);
    }

    SampleMachine withSerial(String newSerial) {
        return new SampleMachine(host, deviceId, uuid, newSerial, macPrefix, osName, extraTitle, withoutSoftware);
    }

    SampleMachine withNewMacs() {
        return new SampleMachine(host, deviceId, uuid, serial, randomMacPrefix(), osName, extraTitle,
                withoutSoftware);
    }

    SampleMachine withOs(String newOsName) {
        return new SampleMachine(host, deviceId, uuid, serial, macPrefix, newOsName, extraTitle, withoutSoftware);
    }

    /** Returns the machine with one more software title, version 1.0 from publisher "OpenSMA Tests", or none for "". */
    SampleMachine withExtraTitle(String title) {
        return new SampleMachine(host, deviceId, uuid, serial, macPrefix, osName, title, withoutSoftware);
    }

    SampleMachine withoutSoftware(boolean none) {
        return new SampleMachine(host, deviceId, uuid, serial, macPrefix, osName, extraTitle, none);
    }

    /** Returns the MAC address of the one interface of the sample that counts as physical. */
    String physicalMac() {
        return macPrefix + "3";
    }

    String xml() {
        String xml = new String(AgentSamples.inflate(AgentSamples.ocsInventoryZlib()), StandardCharsets.UTF_8);
        assertThat(xml).contains("<DEVICEID>" + SAMPLE_DEVICE_ID + "</DEVICEID>", "<NAME>" + SAMPLE_HOST + "</NAME>",
                "<BIOS>", "<HARDWARE>", "<OSNAME>" + SAMPLE_OS + "</OSNAME>", SAMPLE_MAC_PREFIX);
        xml = xml.replace("<DEVICEID>" + SAMPLE_DEVICE_ID + "</DEVICEID>", "<DEVICEID>" + deviceId + "</DEVICEID>")
                .replace("<NAME>" + SAMPLE_HOST + "</NAME>", "<NAME>" + host + "</NAME>")
                .replace("<OSNAME>" + SAMPLE_OS + "</OSNAME>", "<OSNAME>" + osName + "</OSNAME>")
                .replace(SAMPLE_MAC_PREFIX, macPrefix);
        if (!uuid.isEmpty()) {
            xml = xml.replace("<HARDWARE>", "<HARDWARE>\n      <UUID>" + uuid + "</UUID>");
        }
        if (!serial.isEmpty()) {
            xml = xml.replace("<BIOS>", "<BIOS>\n      <SSN>" + serial + "</SSN>");
        }
        if (withoutSoftware) {
            xml = xml.replaceAll("(?s)<SOFTWARES>.*?</SOFTWARES>\\s*", "");
        }
        if (!extraTitle.isEmpty()) {
            xml = xml.replace("</CONTENT>", "<SOFTWARES><NAME>" + extraTitle
                    + "</NAME><VERSION>1.0</VERSION><PUBLISHER>OpenSMA Tests</PUBLISHER></SOFTWARES></CONTENT>");
        }
        return xml;
    }

    /** Posts the inventory as the OCS agent does and fails unless the server returns 200. */
    ApiResponse send(ApiClient client) {
        ApiResponse response = client.postBytes("/ocsinventory", AgentSamples.zlib(xml().getBytes(StandardCharsets.UTF_8)),
                "Authorization", AgentSamples.basicAuth("agent", ApiTestBase.AGENT_TOKEN),
                "Content-Type", "application/x-compress",
                "User-Agent", "OCS-NG_unified_unix_agent_v2.10.0");
        assertThat(response.status()).as("inventory of %s: %s", host, response.body()).isEqualTo(200);
        return response;
    }

    private static String deviceIdOf(String host, int run) {
        return String.format("%s-2026-12-04-10-%02d-%02d", host, run / 60 % 60, run % 60);
    }

    private static String randomUuid() {
        return java.util.UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
    }

    /** Returns a random locally administered MAC prefix, to which the sample appends its last digit. */
    private static String randomMacPrefix() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("02:%02x:%02x:%02x:%02x:%x", random.nextInt(256), random.nextInt(256),
                random.nextInt(256), random.nextInt(256), random.nextInt(16));
    }

    private static String randomHex(int bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            text.append(String.format("%02x", ThreadLocalRandom.current().nextInt(256)));
        }
        return text.toString();
    }
}
