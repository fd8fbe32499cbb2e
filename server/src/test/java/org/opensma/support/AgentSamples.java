package org.opensma.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/** Real agent messages recorded from the Debian agents, and helpers to send them. */
public final class AgentSamples {

    /** The recorded agent samples under testdata/; tests fail if they are missing. */
    public static final Path SAMPLES = Path.of("..", "testdata", "agent-samples");

    private AgentSamples() {
    }

    public static byte[] ocsInventoryZlib() {
        return read(SAMPLES.resolve("wire/ocsinventory-agent/02-inventory-request.xml.zlib"));
    }

    public static byte[] ocsPrologZlib() {
        return read(SAMPLES.resolve("wire/ocsinventory-agent/01-prolog-request.xml.zlib"));
    }

    public static byte[] fusionInventoryZlib() {
        return read(SAMPLES.resolve("wire/fusioninventory-agent/02-inventory-request.xml.zlib"));
    }

    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    public static byte[] zlib(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] inflate(byte[] compressed) {
        try (InflaterInputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Agent sample missing: " + path.toAbsolutePath(), e);
        }
    }
}
