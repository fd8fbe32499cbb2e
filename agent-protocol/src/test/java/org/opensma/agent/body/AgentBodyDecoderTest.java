package org.opensma.agent.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.opensma.agent.AgentProtocolException;
import org.opensma.agent.AgentProtocolException.Problem;
import org.opensma.agent.Samples;

class AgentBodyDecoderTest {

    private static final byte[] PROLOG_XML = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REQUEST>\n"
            + "  <DEVICEID>testhost-01-2026-12-04-19-32-07</DEVICEID>\n  <QUERY>PROLOG</QUERY>\n</REQUEST>\n")
            .getBytes(StandardCharsets.UTF_8);

    private final AgentBodyDecoder decoder = new AgentBodyDecoder();

    @Test
    void decodesOcsWireBodies() throws IOException {
        byte[] prolog = Samples.bytes(Samples.OCS_PROLOG);
        byte[] inventory = Samples.bytes(Samples.OCS_INVENTORY);

        DecodedBody decodedProlog = decode(prolog);
        DecodedBody decodedInventory = decode(inventory);

        assertThat(prolog[0] & 0xFF).isEqualTo(0x78);
        assertThat(prolog[1] & 0xFF).isEqualTo(0x9C);
        assertThat(decodedProlog.encoding()).isEqualTo(BodyEncoding.ZLIB);
        assertThat(decodedProlog.wireBytes()).isEqualTo(prolog.length);
        assertThat(new String(decodedProlog.content(), StandardCharsets.UTF_8))
                .contains("<DEVICEID>testhost-01-2026-12-04-19-32-07</DEVICEID>");
        assertThat(decodedInventory.encoding()).isEqualTo(BodyEncoding.ZLIB);
        assertThat(decodedInventory.content()).hasSize(322_934);
        assertThat(decodedInventory.wireBytes()).isEqualTo(inventory.length);
    }

    @Test
    void decodesFusionInventoryWireBodies() throws IOException {
        DecodedBody prolog = decode(Samples.bytes(Samples.FI_PROLOG));
        DecodedBody inventory = decode(Samples.bytes(Samples.FI_INVENTORY));

        assertThat(prolog.encoding()).isEqualTo(BodyEncoding.ZLIB);
        assertThat(new String(prolog.content(), StandardCharsets.UTF_8)).contains("<TOKEN>12345678</TOKEN>");
        assertThat(inventory.encoding()).isEqualTo(BodyEncoding.ZLIB);
        assertThat(inventory.content()).hasSize(248_533);
    }

    @Test
    void decodesLocalInventoryPlainAndCompressed() throws IOException {
        byte[] xml = Samples.bytes(Samples.OCS_LOCAL);

        DecodedBody plain = decode(xml);
        DecodedBody compressed = decode(Samples.zlib(xml));

        assertThat(plain.encoding()).isEqualTo(BodyEncoding.XML);
        assertThat(plain.content()).isEqualTo(xml);
        assertThat(compressed.encoding()).isEqualTo(BodyEncoding.ZLIB);
        assertThat(compressed.content()).isEqualTo(xml);
        assertThat(compressed.wireBytes()).isLessThan(xml.length / 5);
    }

    @Test
    void detectsXmlAfterBomAndWhitespace() throws IOException {
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\r', '\n', '\t'}, PROLOG_XML);

        DecodedBody decoded = decode(body);

        assertThat(decoded.encoding()).isEqualTo(BodyEncoding.XML);
        assertThat(decoded.content()).isEqualTo(body);
    }

    @Test
    void detectsJson() throws IOException {
        byte[] body = "{\"action\":\"contact\",\"deviceid\":\"testhost-01-2026-12-04-19-28-08\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(decode(body).encoding()).isEqualTo(BodyEncoding.JSON);
    }

    @Test
    void decodesGzip() throws IOException {
        DecodedBody decoded = decode(gzip(PROLOG_XML));

        assertThat(decoded.encoding()).isEqualTo(BodyEncoding.GZIP);
        assertThat(decoded.content()).isEqualTo(PROLOG_XML);
    }

    @Test
    void readsBodyWithoutContentLength() throws IOException {
        byte[] body = Samples.zlib(PROLOG_XML);

        DecodedBody decoded = decoder.decode(new ByteArrayInputStream(body), -1);

        assertThat(decoded.content()).isEqualTo(PROLOG_XML);
        assertThat(decoded.wireBytes()).isEqualTo(body.length);
    }

    @Test
    void rejectsEmptyBody() {
        assertProblem(new byte[0], Problem.EMPTY_BODY, "Request body is empty");
    }

    @Test
    void rejectsWhitespaceOnlyBody() {
        assertProblem(" \r\n ".getBytes(StandardCharsets.US_ASCII), Problem.EMPTY_BODY,
                "Request body contains only whitespace (4 bytes)");
    }

    @Test
    void rejectsUnknownFormat() {
        AgentProtocolException e = assertProblem("ABCDEFGH".getBytes(StandardCharsets.US_ASCII),
                Problem.UNSUPPORTED_FORMAT, "Body is neither zlib, gzip, XML nor JSON (first bytes: 0x41 0x42 0x43 0x44)");

        assertThat(e.httpStatus()).isEqualTo(415);
    }

    @Test
    void rejectsTruncatedZlib() throws IOException {
        byte[] inventory = Samples.bytes(Samples.OCS_INVENTORY);
        byte[] truncated = Arrays.copyOf(inventory, inventory.length / 2);

        AgentProtocolException e = assertProblem(truncated, Problem.BAD_COMPRESSION,
                "Invalid zlib data: Unexpected end of ZLIB input stream");

        assertThat(e.httpStatus()).isEqualTo(400);
    }

    @Test
    void rejectsCorruptZlib() throws IOException {
        byte[] body = Samples.zlib(PROLOG_XML);
        for (int i = 2; i < body.length; i++) {
            body[i] = (byte) 0xFF;
        }

        assertProblem(body, Problem.BAD_COMPRESSION, "Invalid zlib data: ");
    }

    @Test
    void rejectsZlibWithWrongChecksum() throws IOException {
        byte[] body = Samples.zlib(PROLOG_XML);
        body[body.length - 1] ^= 0x01;

        assertProblem(body, Problem.BAD_COMPRESSION, "Invalid zlib data: ");
    }

    @Test
    void rejectsZlibWithPresetDictionary() throws IOException {
        Deflater deflater = new Deflater();
        deflater.setDictionary("REQUEST".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
            stream.write(PROLOG_XML);
        }
        deflater.end();

        assertProblem(out.toByteArray(), Problem.BAD_COMPRESSION,
                "Invalid zlib data: the stream needs a preset dictionary");
    }

    @Test
    void rejectsGzipHeaderWithGarbage() {
        byte[] body = {0x1F, (byte) 0x8B, 0x42, 0x13, 0x37, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66};

        assertProblem(body, Problem.BAD_COMPRESSION, "Invalid gzip data: Unsupported compression method");
    }

    @Test
    void rejectsDeclaredLengthOverLimitBeforeReading() {
        InputStream unreadable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the decoder read a body whose Content-Length is over the limit");
            }
        };

        assertThatThrownBy(() -> decoder.decode(unreadable, 10 * DecodeLimits.MIB + 1))
                .isInstanceOfSatisfying(AgentProtocolException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
                    assertThat(e.httpStatus()).isEqualTo(413);
                    assertThat(e).hasMessage("Request body of 10485761 bytes exceeds the limit of 10485760 bytes on the wire");
                });
    }

    @Test
    void rejectsStreamOverCompressedLimit() {
        AgentBodyDecoder small = new AgentBodyDecoder(new DecodeLimits(1024, DecodeLimits.MIB, 200));
        byte[] body = new byte[4096];
        Arrays.fill(body, (byte) ' ');
        body[0] = '<';
        CountingStream source = new CountingStream(body);

        assertThatThrownBy(() -> small.decode(source, -1))
                .isInstanceOfSatisfying(AgentProtocolException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
                    assertThat(e).hasMessage("Request body exceeds the limit of 1024 bytes on the wire");
                });
        assertThat(source.bytesRead).isLessThanOrEqualTo(1025);
    }

    @Test
    void rejectsZlibBombByRatio() throws IOException {
        byte[] bomb = ZlibBomb.sixtyMegabytesOfZeros();

        AgentProtocolException e = assertProblem(bomb, Problem.TOO_LARGE, "Inventory body expands more than 200 times");

        assertThat(bomb.length).isLessThan(100_000);
        assertThat(e).hasMessageContaining("rejected as a likely compression bomb");
    }

    @Test
    void rejectsZlibBombOverDecodedLimit() throws IOException {
        AgentBodyDecoder withoutRatio = new AgentBodyDecoder(new DecodeLimits(10 * DecodeLimits.MIB, 50 * DecodeLimits.MIB, 1_000_000));
        byte[] bomb = ZlibBomb.sixtyMegabytesOfZeros();

        assertThatThrownBy(() -> withoutRatio.decode(bomb))
                .isInstanceOfSatisfying(AgentProtocolException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
                    assertThat(e).hasMessage("Inventory body exceeds the decoded limit of 52428800 bytes");
                });
    }

    @Test
    void rejectsPlainXmlOverDecodedLimit() {
        AgentBodyDecoder small = new AgentBodyDecoder(new DecodeLimits(DecodeLimits.MIB, 100, 200));

        assertThatThrownBy(() -> small.decode(PROLOG_XML))
                .isInstanceOfSatisfying(AgentProtocolException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
                    assertThat(e).hasMessage("Inventory body exceeds the decoded limit of 100 bytes");
                });
    }

    @Test
    void acceptsHighRatioBelowThreshold() throws IOException {
        // 4 MiB of zeros compress about 1000:1, but stay below the 5 MiB ratio threshold.
        byte[] body = Samples.zlib(new byte[4 * (int) DecodeLimits.MIB]);

        assertThat(decode(body).content()).hasSize(4 * (int) DecodeLimits.MIB);
    }

    @Test
    void limitsRejectNonPositiveValues() {
        assertThatThrownBy(() -> new DecodeLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxCompressedBytes must be positive, got 0");
        assertThatThrownBy(() -> new DecodeLimits(1, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDecodedBytes must be positive, got -1");
        assertThatThrownBy(() -> new DecodeLimits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRatio must be positive, got 0");
    }

    private DecodedBody decode(byte[] body) throws IOException {
        return decoder.decode(new ByteArrayInputStream(body), body.length);
    }

    private AgentProtocolException assertProblem(byte[] body, Problem problem, String messageStart) {
        AgentProtocolException[] caught = new AgentProtocolException[1];
        assertThatThrownBy(() -> decode(body))
                .isInstanceOfSatisfying(AgentProtocolException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).startsWith(messageStart);
                    caught[0] = e;
                });
        return caught[0];
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** Byte source that records how much the decoder read. */
    private static final class CountingStream extends ByteArrayInputStream {

        long bytesRead;

        CountingStream(byte[] data) {
            super(data);
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) {
            int n = super.read(buffer, offset, length);
            bytesRead += Math.max(n, 0);
            return n;
        }
    }
}
