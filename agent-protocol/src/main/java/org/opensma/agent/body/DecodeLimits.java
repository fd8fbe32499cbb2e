package org.opensma.agent.body;

/**
 * Size limits for an agent request body.
 *
 * @param maxCompressedBytes maximum body size on the wire, also applied to uncompressed bodies
 * @param maxDecodedBytes maximum size after decompression
 * @param maxRatio maximum decoded-to-wire size ratio, checked only once the decoded size passes
 *     {@link #RATIO_CHECK_THRESHOLD_BYTES}, because small bodies can legitimately compress very well
 */
public record DecodeLimits(long maxCompressedBytes, long maxDecodedBytes, int maxRatio) {

    public static final long MIB = 1024L * 1024L;

    /** Decoded size from which the ratio limit applies. */
    public static final long RATIO_CHECK_THRESHOLD_BYTES = 5 * MIB;

    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    // Real inventories of 800 packages are 0.3 MB decoded at 8 to 13:1, so these defaults leave
    // room for large Windows machines while stopping zlib bombs, which reach about 1000:1.
    private static final DecodeLimits DEFAULTS = new DecodeLimits(10 * MIB, 50 * MIB, 200);

    public DecodeLimits {
        if (maxCompressedBytes <= 0) {
            throw new IllegalArgumentException("maxCompressedBytes must be positive, got " + maxCompressedBytes);
        }
        if (maxDecodedBytes <= 0) {
            throw new IllegalArgumentException("maxDecodedBytes must be positive, got " + maxDecodedBytes);
        }
        if (maxDecodedBytes > MAX_ARRAY_BYTES) {
            // The decoded body is returned as one byte array.
            throw new IllegalArgumentException("maxDecodedBytes must be at most " + MAX_ARRAY_BYTES
                    + ", got " + maxDecodedBytes);
        }
        if (maxRatio <= 0) {
            throw new IllegalArgumentException("maxRatio must be positive, got " + maxRatio);
        }
    }

    /** Returns 10 MiB on the wire, 50 MiB decoded and a ratio of 200. */
    public static DecodeLimits defaults() {
        return DEFAULTS;
    }
}
