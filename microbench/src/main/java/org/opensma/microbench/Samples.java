package org.opensma.microbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real agent samples from {@code testdata/agent-samples}, packed into the benchmark jar. */
final class Samples {

    static final String OCS_XML = "ocsinventory-agent-2.10.0-local-inventory.xml";
    static final String FUSION_XML = "fusioninventory-agent-2.6-local-inventory.xml";
    static final String GLPI_JSON = "glpi/inventory.json";
    static final String OCS_WIRE = "wire/ocsinventory-agent/02-inventory-request.xml.zlib";

    private Samples() {
    }

    static byte[] read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/agent-samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Sample " + name + " is missing from the benchmark jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
