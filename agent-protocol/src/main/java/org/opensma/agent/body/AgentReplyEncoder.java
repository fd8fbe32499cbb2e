package org.opensma.agent.body;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes XML replies in the form each legacy agent can read.
 *
 * <p>Observed with ocsinventory-agent 2.10 and fusioninventory-agent 2.6: the OCS agent always
 * inflates the reply, so it fails on plain XML. FusionInventory detects zlib only by the bytes
 * 78 9C, so it rejects level-9 zlib (78 DA), and it crashes on gzip and, in --no-compression
 * mode, on any compressed reply. Neither agent reads the reply Content-Type. The value sent
 * mirrors what GLPI and FusionInventory servers send.
 */
public final class AgentReplyEncoder {

    public static final String ZLIB_CONTENT_TYPE = "application/x-compress-zlib";
    public static final String GZIP_CONTENT_TYPE = "application/x-compress-gzip";
    public static final String XML_CONTENT_TYPE = "application/xml";
    public static final String JSON_CONTENT_TYPE = "application/json";

    // The OCS unix agent in gzip mode pipes the reply through gzip -d, so only it gets gzip.
    private static final String OCS_USER_AGENT_PREFIX = "OCS-NG_";

    private AgentReplyEncoder() {
    }

    /**
     * Encodes a reply in the encoding the agent used for its request.
     *
     * @param replyXml complete reply document
     * @param requestEncoding encoding detected on the request
     * @param userAgent User-Agent header of the request, or null
     * @throws IllegalArgumentException for a JSON request, which expects a reply from
     *     {@link #encodeJson}
     */
    public static EncodedReply encode(String replyXml, BodyEncoding requestEncoding, String userAgent) {
        Objects.requireNonNull(replyXml, "replyXml");
        Objects.requireNonNull(requestEncoding, "requestEncoding");
        byte[] xml = replyXml.getBytes(StandardCharsets.UTF_8);

        return switch (requestEncoding) {
            case ZLIB -> new EncodedReply(zlib(xml), ZLIB_CONTENT_TYPE);
            case XML -> new EncodedReply(xml, XML_CONTENT_TYPE);
            case GZIP -> isOcsAgent(userAgent)
                    ? new EncodedReply(gzip(xml), GZIP_CONTENT_TYPE)
                    : new EncodedReply(xml, XML_CONTENT_TYPE);
            case JSON -> throw new IllegalArgumentException(
                    "A JSON request expects a JSON reply; use encodeJson");
        };
    }

    /**
     * Encodes a GLPI Agent JSON reply: zlib at the default level when the request was zlib, else
     * plain JSON. GLPI Agent chooses how to read the reply by its Content-Type.
     *
     * @param replyJson complete reply document
     * @param requestEncoding encoding detected on the request
     */
    public static EncodedReply encodeJson(String replyJson, BodyEncoding requestEncoding) {
        Objects.requireNonNull(replyJson, "replyJson");
        Objects.requireNonNull(requestEncoding, "requestEncoding");
        byte[] json = replyJson.getBytes(StandardCharsets.UTF_8);

        return requestEncoding == BodyEncoding.ZLIB
                ? new EncodedReply(zlib(json), ZLIB_CONTENT_TYPE)
                : new EncodedReply(json, JSON_CONTENT_TYPE);
    }

    private static boolean isOcsAgent(String userAgent) {
        return userAgent != null && userAgent.startsWith(OCS_USER_AGENT_PREFIX);
    }

    /** Compresses at the default level, so the stream starts with 78 9C. */
    private static byte[] zlib(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        writeCompressed(new DeflaterOutputStream(out), data);
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        try {
            writeCompressed(new GZIPOutputStream(out), data);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a gzip header to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void writeCompressed(OutputStream compressor, byte[] data) {
        try (compressor) {
            compressor.write(data);
        } catch (IOException e) {
            // Only reachable through a bug, because the target is a ByteArrayOutputStream.
            throw new UncheckedIOException("Compressing a reply in memory failed", e);
        }
    }
}
