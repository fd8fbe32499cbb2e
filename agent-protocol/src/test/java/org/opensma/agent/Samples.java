package org.opensma.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DeflaterOutputStream;

/**
 * Request bodies and local inventories captured from the Debian 12 packages of
 * ocsinventory-agent 2.10 and fusioninventory-agent 2.6, resolved from the module directory.
 * Tests fail rather than skip when the samples are missing, so a broken checkout is noticed.
 */
public final class Samples {

    public static final Path ROOT = Path.of("../testdata/agent-samples").toAbsolutePath().normalize();

    public static final String OCS_PROLOG = "wire/ocsinventory-agent/01-prolog-request.xml.zlib";
    public static final String OCS_INVENTORY = "wire/ocsinventory-agent/02-inventory-request.xml.zlib";
    public static final String FI_PROLOG = "wire/fusioninventory-agent/01-prolog-request.xml.zlib";
    public static final String FI_INVENTORY = "wire/fusioninventory-agent/02-inventory-request.xml.zlib";
    public static final String OCS_LOCAL = "ocsinventory-agent-2.10.0-local-inventory.xml";
    public static final String FI_LOCAL = "fusioninventory-agent-2.6-local-inventory.xml";
    public static final String OCS_DOWNLOAD_RESULT = "wire/ocsinventory-agent-download/03-download-result-SUCCESS.xml";
    public static final String OCS_DOWNLOAD_HISTORY =
            "wire/ocsinventory-agent-download/06-inventory-excerpt-download-history.xml";

    public static final String OCS_USER_AGENT = "OCS-NG_unified_unix_agent_v2.10.0";
    public static final String FI_USER_AGENT = "FusionInventory-Agent_v2.6-3";

    private Samples() {
    }

    public static byte[] bytes(String relativePath) {
        Path file = ROOT.resolve(relativePath);
        assertThat(file).as("agent sample %s (samples directory %s)", relativePath, ROOT).isRegularFile();
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compresses at the default level, like Compress::Zlib::compress in the agents. */
    public static byte[] zlib(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
