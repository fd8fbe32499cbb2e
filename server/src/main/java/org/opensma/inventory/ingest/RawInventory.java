package org.opensma.inventory.ingest;

/** The inventory body as it came over the wire, kept for support. */
public record RawInventory(String encoding, long decodedBytes, byte[] wireBody) {
}
