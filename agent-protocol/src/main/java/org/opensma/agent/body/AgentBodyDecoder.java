package org.opensma.agent.body;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import org.opensma.agent.AgentProtocolException;
import org.opensma.agent.AgentProtocolException.Problem;

/**
 * Decodes agent request bodies, detecting the encoding by magic bytes because agents label the
 * same zlib body with several Content-Types (application/x-compress, x-compress-zlib).
 *
 * <p>The decoder reads the request stream through a counting limit and inflates in chunks,
 * so it stops as soon as the wire size, the decoded size or the compression ratio passes its
 * limit. Instances are immutable and thread-safe.
 */
public final class AgentBodyDecoder {

    // Bytes inspected to detect the encoding: enough for a BOM and leading whitespace.
    private static final int DETECTION_BYTES = 1024;
    private static final int CHUNK_BYTES = 16 * 1024;
    private static final int BYTES_SHOWN_IN_ERRORS = 4;

    private final DecodeLimits limits;

    public AgentBodyDecoder(DecodeLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public AgentBodyDecoder() {
        this(DecodeLimits.defaults());
    }

    public DecodeLimits limits() {
        return limits;
    }

    /**
     * Reads and decodes a whole request body.
     *
     * @param in request body stream, left open
     * @param contentLength declared Content-Length, or -1 if unknown
     * @throws AgentProtocolException for an empty, oversized, corrupt or unrecognised body
     * @throws IOException if reading the request stream fails
     */
    public DecodedBody decode(InputStream in, long contentLength) throws IOException {
        Objects.requireNonNull(in, "in");
        rejectDeclaredLength(contentLength);

        WireLimitInputStream wire = new WireLimitInputStream(in, limits.maxCompressedBytes());
        BufferedInputStream buffered = new BufferedInputStream(wire, CHUNK_BYTES);
        BodyEncoding encoding = detect(buffered);

        byte[] content = switch (encoding) {
            case ZLIB -> inflateZlib(buffered, wire);
            case GZIP -> inflateGzip(buffered, wire);
            case XML, JSON -> copy(buffered, wire);
        };
        return new DecodedBody(encoding, content, wire.count());
    }

    /** Decodes a body that is already in memory; see {@link #decode(InputStream, long)}. */
    public DecodedBody decode(byte[] body) {
        try {
            return decode(new ByteArrayInputStream(body), body.length);
        } catch (IOException e) {
            // ByteArrayInputStream does not throw, and decompression errors are mapped already.
            throw new IllegalStateException("Reading an in-memory body failed", e);
        }
    }

    private void rejectDeclaredLength(long contentLength) {
        if (contentLength > limits.maxCompressedBytes()) {
            throw new AgentProtocolException(Problem.TOO_LARGE, "Request body of " + contentLength
                    + " bytes exceeds the limit of " + limits.maxCompressedBytes() + " bytes on the wire");
        }
    }

    private static BodyEncoding detect(BufferedInputStream buffered) throws IOException {
        buffered.mark(DETECTION_BYTES);
        byte[] head = buffered.readNBytes(DETECTION_BYTES);
        buffered.reset();

        if (head.length == 0) {
            throw new AgentProtocolException(Problem.EMPTY_BODY, "Request body is empty");
        }
        if (head.length >= 2 && isZlibHeader(head[0], head[1])) {
            return BodyEncoding.ZLIB;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return BodyEncoding.GZIP;
        }

        int first = firstSignificantByte(head);
        if (first == '<') {
            return BodyEncoding.XML;
        }
        if (first == '{' || first == '[') {
            // GLPI Agent sends an object; an array is detected too, so the parser can name the rule it breaks.
            return BodyEncoding.JSON;
        }
        if (first == -1 && head.length < DETECTION_BYTES) {
            throw new AgentProtocolException(Problem.EMPTY_BODY,
                    "Request body contains only whitespace (" + head.length + " bytes)");
        }
        throw new AgentProtocolException(Problem.UNSUPPORTED_FORMAT,
                "Body is neither zlib, gzip, XML nor JSON (first bytes: " + describe(head) + ")");
    }

    // RFC 1950: compression method 8 (deflate) in the low nibble of CMF, and CMF*256+FLG divisible by 31.
    private static boolean isZlibHeader(byte cmf, byte flg) {
        int method = cmf & 0x0F;
        int check = (cmf & 0xFF) * 256 + (flg & 0xFF);
        return method == 8 && check % 31 == 0;
    }

    /** Returns the first byte after an optional UTF-8 BOM and XML whitespace, or -1 if there is none. */
    private static int firstSignificantByte(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < head.length && isXmlWhitespace(head[i])) {
            i++;
        }
        return i < head.length ? head[i] & 0xFF : -1;
    }

    private static boolean isXmlWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static String describe(byte[] head) {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(head.length, BYTES_SHOWN_IN_ERRORS);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append("0x").append(HexFormat.of().withUpperCase().toHexDigits(head[i]));
        }
        return text.toString();
    }

    private byte[] inflateZlib(InputStream buffered, WireLimitInputStream wire) throws IOException {
        Inflater inflater = new Inflater();
        try (InflaterInputStream zlib = new InflaterInputStream(buffered, inflater, CHUNK_BYTES)) {
            byte[] content = copyDecoded(zlib, wire, "zlib");
            if (inflater.needsDictionary()) {
                // InflaterInputStream reports end of stream instead of failing here.
                throw new AgentProtocolException(Problem.BAD_COMPRESSION,
                        "Invalid zlib data: the stream needs a preset dictionary");
            }
            return content;
        } finally {
            inflater.end();
        }
    }

    private byte[] inflateGzip(InputStream buffered, WireLimitInputStream wire) throws IOException {
        GZIPInputStream gzip;
        try {
            gzip = new GZIPInputStream(buffered, CHUNK_BYTES);
        } catch (ZipException | EOFException e) {
            throw badCompression("gzip", e);
        }
        // Closing ends the Inflater of GZIPInputStream; the wire stream ignores close().
        try (gzip) {
            return copyDecoded(gzip, wire, "gzip");
        }
    }

    private byte[] copyDecoded(InputStream decoded, WireLimitInputStream wire, String format) throws IOException {
        try {
            return copy(decoded, wire);
        } catch (ZipException | EOFException e) {
            throw badCompression(format, e);
        }
    }

    private static AgentProtocolException badCompression(String format, IOException cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new AgentProtocolException(Problem.BAD_COMPRESSION,
                "Invalid " + format + " data: " + detail, cause);
    }

    /** Copies a stream into memory, checking the decoded size and ratio limits after every chunk. */
    private byte[] copy(InputStream source, WireLimitInputStream wire) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK_BYTES);
        byte[] chunk = new byte[CHUNK_BYTES];
        int n;
        while ((n = source.read(chunk)) != -1) {
            long decodedBytes = (long) out.size() + n;
            checkDecodedSize(decodedBytes, wire.count());
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private void checkDecodedSize(long decodedBytes, long wireBytes) {
        if (decodedBytes > limits.maxDecodedBytes()) {
            throw new AgentProtocolException(Problem.TOO_LARGE,
                    "Inventory body exceeds the decoded limit of " + limits.maxDecodedBytes() + " bytes");
        }
        boolean pastThreshold = decodedBytes > DecodeLimits.RATIO_CHECK_THRESHOLD_BYTES;
        if (pastThreshold && decodedBytes > (long) limits.maxRatio() * Math.max(wireBytes, 1)) {
            throw new AgentProtocolException(Problem.TOO_LARGE, "Inventory body expands more than "
                    + limits.maxRatio() + " times (" + decodedBytes + " bytes decoded from " + wireBytes
                    + " bytes); rejected as a likely compression bomb");
        }
    }
}
