package org.opensma.agent.body;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DeflaterOutputStream;

/** Zlib stream of 60 MB of zeros, about 60 KB compressed, built once per test run. */
final class ZlibBomb {

    private static final int DECODED_BYTES = 60_000_000;
    private static byte[] bomb;

    private ZlibBomb() {
    }

    static synchronized byte[] sixtyMegabytesOfZeros() throws IOException {
        if (bomb == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] zeros = new byte[1 << 20];
            try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
                for (int written = 0; written < DECODED_BYTES; written += zeros.length) {
                    deflater.write(zeros, 0, Math.min(zeros.length, DECODED_BYTES - written));
                }
            }
            bomb = out.toByteArray();
        }
        return bomb.clone();
    }
}
