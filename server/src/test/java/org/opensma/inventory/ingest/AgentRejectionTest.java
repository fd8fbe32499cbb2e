package org.opensma.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensma.inventory.ingest.AgentRequests.ENDPOINT;
import static org.opensma.inventory.ingest.AgentRequests.OCS_USER_AGENT;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.opensma.inventory.ingest.AgentRequests.StoredInventory;
import org.opensma.support.AgentSamples;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.opensma.support.RawHttp;
import tools.jackson.databind.JsonNode;

/**
 * Agent bodies the server must reject. Each is built from a real inventory renamed to a
 * host of its own, so a body that the server wrongly accepted would show up as a new
 * machine. Each check compares everything the API lists before and after the request.
 */
class AgentRejectionTest extends ApiTestBase {

    private static final int AGENT_REJECTED = 1300;
    /** Defaults of opensma.agent.max-compressed-size (10MB) and max-decoded-size (50MB). */
    private static final int COMPRESSED_LIMIT = 10 * 1024 * 1024;
    private static final int DECODED_LIMIT = 50 * 1024 * 1024;

    @Test
    void malformedXml_gets400() {
        String xml = AgentRequests.ocsInventoryXmlFor("malformed-host");
        byte[] half = xml.substring(0, xml.length() / 2).getBytes(StandardCharsets.UTF_8);

        assertRejected(half, "application/xml", 400, "Invalid XML");
        assertRejected(AgentSamples.zlib(half), "application/x-compress", 400, "Invalid XML");
    }

    @Test
    void truncatedZlib_gets400() {
        byte[] zlib = inventoryZlib("truncated-host");

        assertRejected(Arrays.copyOf(zlib, zlib.length / 2), "application/x-compress", 400, "Invalid zlib data");
    }

    @Test
    void gzipHeaderWithGarbage_gets400() {
        byte[] body = "\u001f\u008bnot gzip data at all".getBytes(StandardCharsets.ISO_8859_1);

        assertRejected(body, "application/x-compress-gzip", 400, "Invalid gzip data");
    }

    @Test
    void declaredLengthOverCompressedLimit_gets413() {
        ApiClient admin = admin();
        StoredInventory before = StoredInventory.read(admin);

        ApiResponse response = RawHttp.postWhileReading(admin.baseUrl(), ENDPOINT, overCompressedLimit(),
                "Authorization", AgentSamples.basicAuth("agent", AGENT_TOKEN),
                "Content-Type", "application/x-compress", "User-Agent", OCS_USER_AGENT);

        assertEnvelope(response, 413, "exceeds the compressed limit of " + COMPRESSED_LIMIT + " bytes");
        assertThat(StoredInventory.read(admin)).isEqualTo(before);
    }

    @Test
    void chunkedBodyOverCompressedLimit_gets413() {
        ApiClient admin = admin();
        StoredInventory before = StoredInventory.read(admin);

        ApiResponse response = RawHttp.postChunked(admin.baseUrl() + ENDPOINT, overCompressedLimit(),
                "Authorization", AgentSamples.basicAuth("agent", AGENT_TOKEN),
                "Content-Type", "application/x-compress", "User-Agent", OCS_USER_AGENT);

        assertEnvelope(response, 413, "exceeds the compressed limit of " + COMPRESSED_LIMIT + " bytes");
        assertThat(StoredInventory.read(admin)).isEqualTo(before);
    }

    @Test
    void zeroFilledZlibBomb_gets413() {
        byte[] bomb = deflate(new byte[DECODED_LIMIT + 1024], 0);

        assertRejected(bomb, "application/x-compress", 413, "rejected as a likely compression bomb");
    }

    @Test
    void zlibBombOverDecodedLimit_gets413() {
        // About 50:1, below the ratio limit of 200:1, so only the decoded size limit applies.
        byte[] bomb = deflate(new byte[DECODED_LIMIT + 1024], 40);
        assertThat(bomb.length).isBetween(DECODED_LIMIT / 200, COMPRESSED_LIMIT);

        assertRejected(bomb, "application/x-compress", 413,
                "exceeds the decoded limit of " + DECODED_LIMIT + " bytes");
    }

    @Test
    void doctype_gets400() {
        String xml = AgentRequests.ocsInventoryXmlFor("doctype-host")
                .replaceFirst("\\?>", "?><!DOCTYPE REQUEST [<!ELEMENT REQUEST ANY>]>");

        assertRejected(AgentSamples.zlib(xml.getBytes(StandardCharsets.UTF_8)), "application/x-compress", 400,
                "DOCTYPE declarations are not accepted");
    }

    @Test
    void externalEntity_gets400() {
        String xml = AgentRequests.ocsInventoryXmlFor("entity-host")
                .replaceFirst("\\?>", "?><!DOCTYPE REQUEST [<!ENTITY os SYSTEM \"file:///etc/os-release\">]>")
                .replace("<OSCOMMENTS>", "<OSCOMMENTS>&os;");
        assertThat(xml).contains("&os;");

        assertRejected(AgentSamples.zlib(xml.getBytes(StandardCharsets.UTF_8)), "application/x-compress", 400,
                "DOCTYPE declarations are not accepted");
    }

    @Test
    void undeclaredEntity_gets400() {
        String xml = AgentRequests.ocsInventoryXmlFor("undeclared-entity-host")
                .replace("<OSCOMMENTS>", "<OSCOMMENTS>&os;");
        assertThat(xml).contains("&os;");

        assertRejected(xml.getBytes(StandardCharsets.UTF_8), "application/xml", 400,
                "Entity references are not accepted (&os;)");
    }

    @Test
    void unknownQuery_gets400() {
        String xml = AgentRequests.ocsInventoryXmlFor("unknown-query-host")
                .replace("<QUERY>INVENTORY</QUERY>", "<QUERY>UPDATE</QUERY>");
        assertThat(xml).contains("<QUERY>UPDATE</QUERY>");

        assertRejected(AgentSamples.zlib(xml.getBytes(StandardCharsets.UTF_8)), "application/x-compress", 400,
                "QUERY 'UPDATE' is not supported; expected PROLOG, INVENTORY or DOWNLOAD");
    }

    @Test
    void invalidDeviceId_gets400() {
        String xml = AgentRequests.ocsInventoryXmlFor("device-id-host")
                .replaceFirst("<DEVICEID>[^<]*</DEVICEID>", "<DEVICEID>no date</DEVICEID>");

        assertRejected(AgentSamples.zlib(xml.getBytes(StandardCharsets.UTF_8)), "application/x-compress", 400,
                "DEVICEID 'no date' is invalid");
    }

    @Test
    void truncatedJson_gets400() {
        byte[] body = "{".getBytes(StandardCharsets.UTF_8);

        assertRejected(body, "application/json", 400, "Invalid JSON");
        assertRejected(AgentSamples.zlib(body), "application/x-compress-zlib", 400, "Invalid JSON");
    }

    @Test
    void jsonWithoutContent_gets400() {
        // Valid JSON is read as GLPI Agent's protocol, whose inventories require content.
        byte[] body = "{\"action\":\"inventory\",\"deviceid\":\"json-host-2026-01-01-00-00-00\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertRejected(body, "application/json", 400,
                "Invalid GLPI Agent message at content: the required property is missing");
        assertRejected(AgentSamples.zlib(body), "application/x-compress-zlib", 400,
                "Invalid GLPI Agent message at content: the required property is missing");
    }

    @Test
    void jsonContact_getsJsonReply() {
        byte[] body = "{\"action\":\"contact\",\"deviceid\":\"json-host-2026-01-01-00-00-00\"}"
                .getBytes(StandardCharsets.UTF_8);
        ApiClient admin = admin();
        StoredInventory before = StoredInventory.read(admin);

        ApiResponse plain = AgentRequests.post(client(), body, "application/json", OCS_USER_AGENT);
        ApiResponse zlib = AgentRequests.post(client(), AgentSamples.zlib(body), "application/x-compress-zlib",
                OCS_USER_AGENT);

        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        assertThat(plain.header("Content-Type")).startsWith("application/json");
        assertThat(plain.json().get("status").asString()).isEqualTo("ok");
        assertThat(zlib.status()).as(zlib.body()).isEqualTo(200);
        assertThat(zlib.header("Content-Type")).startsWith("application/x-compress-zlib");
        assertThat(new String(AgentSamples.inflate(zlib.bytes()), StandardCharsets.UTF_8))
                .isEqualTo(plain.body());
        assertThat(StoredInventory.read(admin)).isEqualTo(before);
    }

    @Test
    void emptyBody_gets400() {
        assertRejected(new byte[0], "application/x-compress", 400, "Request body is empty");
    }

    @Test
    void unrecognizedBinary_gets415() {
        byte[] body = {0x00, 0x01, 0x02, 0x03, 0x04};

        assertRejected(body, "application/octet-stream", 415, "neither zlib, gzip, XML nor JSON");
    }

    /** Posts the body as an agent and checks the envelope and that nothing stored changed. */
    private void assertRejected(byte[] body, String contentType, int status, String messagePart) {
        ApiClient admin = admin();
        StoredInventory before = StoredInventory.read(admin);

        ApiResponse response = AgentRequests.post(client(), body, contentType, OCS_USER_AGENT);

        assertEnvelope(response, status, messagePart);
        StoredInventory after = StoredInventory.read(admin);
        assertThat(after.machines()).as("machine count").isEqualTo(before.machines());
        assertThat(after.softwareLinks()).as("software count").isEqualTo(before.softwareLinks());
        assertThat(after.listing()).as("stored inventory").isEqualTo(before.listing());
    }

    private static void assertEnvelope(ApiResponse response, int status, String messagePart) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode error = response.json();
        assertThat(error.get("errorCode").asInt()).isEqualTo(AGENT_REJECTED);
        assertThat(error.get("errorDescription").asString()).contains(messagePart);
    }

    private byte[] inventoryZlib(String host) {
        return AgentSamples.zlib(AgentRequests.ocsInventoryXmlFor(host).getBytes(StandardCharsets.UTF_8));
    }

    /** Builds a zlib header followed by zeros, one byte over the default compressed limit. */
    private static byte[] overCompressedLimit() {
        byte[] body = new byte[COMPRESSED_LIMIT + 1];
        body[0] = 0x78;
        body[1] = (byte) 0x9C;
        return body;
    }

    /**
     * Compresses the data after putting {@code randomBytesPerKib} random bytes into each
     * KiB of it. More random bytes lower the compression ratio.
     */
    private static byte[] deflate(byte[] data, int randomBytesPerKib) {
        Random random = new Random(42);
        for (int block = 0; block + 1024 <= data.length; block += 1024) {
            for (int i = 0; i < randomBytesPerKib; i++) {
                data[block + i] = (byte) random.nextInt(256);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
