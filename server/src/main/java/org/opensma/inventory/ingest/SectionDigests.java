package org.opensma.inventory.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Decides which inventory sections of a known machine changed since its last inventory, by a
 * SHA-256 digest of the values the ingest would store for the section. The digests of the
 * last inventory come from the database. The new digests of changed sections are collected,
 * so that the ingest stores them with the inventory.
 */
final class SectionDigests {

    private final Map<String, String> stored;
    private final Map<String, String> changed = new HashMap<>();

    SectionDigests(Map<String, String> stored) {
        this.stored = stored;
    }

    /** Returns true when the section's values differ from those of the last inventory, or were never recorded. */
    boolean changed(String section, List<? extends List<?>> rows) {
        String digest = digest(rows);
        if (digest.equals(stored.get(section))) {
            return false;
        }
        changed.put(section, digest);
        return true;
    }

    /** Returns the new digests of the sections that changed, by section. */
    Map<String, String> changedDigests() {
        return changed;
    }

    /**
     * Digests every value with its length in front, so that no two different lists of rows
     * give the same input, whatever characters the values contain.
     */
    static String digest(List<? extends List<?>> rows) {
        MessageDigest sha = sha256();
        StringBuilder text = new StringBuilder();
        for (List<?> row : rows) {
            text.append(row.size()).append('[');
            for (Object value : row) {
                String part = value == null ? "" : value.toString();
                text.append(value == null ? -1 : part.length()).append(':').append(part);
            }
            text.append(']');
            if (text.length() > 8192) {
                sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
            }
        }
        sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
