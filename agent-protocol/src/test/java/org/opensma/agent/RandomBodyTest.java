package org.opensma.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.opensma.agent.body.AgentBodyDecoder;
import org.opensma.agent.body.DecodedBody;
import org.opensma.agent.message.OcsMessageParser;

/**
 * Feeds random and corrupted bodies through decoding and parsing: the only accepted failure is
 * AgentProtocolException, so the server can always reply with a 4xx status.
 *
 * <p>This is a seeded loop instead of a jqwik property because jqwik 1.10 asks that it not be
 * used by AI coding agents; a failure message contains the seed and the input to reproduce it.
 */
class RandomBodyTest {

    private static final long SEED = 0x0C5_1A7E57L;
    private static final int CASES_PER_KIND = 2_000;
    private static final int MAX_LENGTH = 600;

    private final AgentBodyDecoder decoder = new AgentBodyDecoder();
    private final Random random = new Random(SEED);

    @Test
    void randomBytesRejectedCleanly() {
        for (int i = 0; i < CASES_PER_KIND; i++) {
            assertOnlyProtocolFailures(randomBytes(random.nextInt(MAX_LENGTH)));
        }
    }

    @Test
    void randomCompressedPayloadsRejectedCleanly() {
        for (int i = 0; i < CASES_PER_KIND; i++) {
            byte[] body = randomBytes(2 + random.nextInt(MAX_LENGTH));
            if (random.nextBoolean()) {
                body[0] = 0x78;
                body[1] = (byte) 0x9C;
            } else {
                body[0] = 0x1F;
                body[1] = (byte) 0x8B;
            }
            assertOnlyProtocolFailures(body);
        }
    }

    @Test
    void corruptedSamplesRejectedCleanly() {
        byte[][] originals = {
                Samples.bytes(Samples.OCS_PROLOG),
                Samples.bytes(Samples.FI_PROLOG),
                Samples.bytes(Samples.OCS_DOWNLOAD_RESULT),
                Samples.zlib(Samples.bytes(Samples.OCS_DOWNLOAD_RESULT)),
        };
        for (int i = 0; i < CASES_PER_KIND; i++) {
            byte[] body = originals[random.nextInt(originals.length)].clone();
            int flips = 1 + random.nextInt(4);
            for (int flip = 0; flip < flips; flip++) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
            assertOnlyProtocolFailures(body);
        }
    }

    @Test
    void randomXmlTokensRejectedCleanly() {
        String[] tokens = {"<REQUEST>", "</REQUEST>", "<QUERY>", "</QUERY>", "PROLOG", "INVENTORY", "<CONTENT>",
                "</CONTENT>", "<DEVICEID>", "</DEVICEID>", "h-2026-01-02-03-04-05", "<!DOCTYPE x>", "&amp;", "&x;",
                "<![CDATA[", "]]>", "<?pi?>", "<!--", "-->", "=\"", "\"", "<A", "/>", ">", " "};
        for (int i = 0; i < CASES_PER_KIND; i++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(40);
            for (int t = 0; t < count; t++) {
                text.append(tokens[random.nextInt(tokens.length)]);
            }
            assertOnlyProtocolFailures(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void assertOnlyProtocolFailures(byte[] body) {
        try {
            DecodedBody decoded = decoder.decode(body);
            OcsMessageParser.parse(decoded.content());
        } catch (AgentProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException unexpected) {
            throw new AssertionError("Unexpected " + unexpected + " for seed " + SEED + " and body "
                    + HexFormat.of().formatHex(body), unexpected);
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
