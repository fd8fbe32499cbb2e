package org.opensma.agent.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.Test;
import org.opensma.agent.Samples;

class AgentReplyEncoderTest {

    private static final String PROLOG_REPLY =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><REPLY><RESPONSE>SEND</RESPONSE><PROLOG_FREQ>24</PROLOG_FREQ></REPLY>";

    @Test
    void prologReplyMatchesAgentFormat() {
        assertThat(AgentReplies.prologSend(24)).isEqualTo(PROLOG_REPLY);
        assertThat(AgentReplies.prologSend(1)).contains("<PROLOG_FREQ>1</PROLOG_FREQ>");
    }

    @Test
    void prologReplyRejectsNonPositiveFrequency() {
        assertThatThrownBy(() -> AgentReplies.prologSend(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prologFrequencyHours must be at least 1, got 0");
    }

    @Test
    void inventoryReplyMatchesOcsServer() {
        assertThat(AgentReplies.inventoryAccepted())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><REPLY><RESPONSE>no_account_update</RESPONSE></REPLY>");
    }

    @Test
    void zlibRequestGetsDefaultLevelZlib() throws IOException {
        EncodedReply reply = AgentReplyEncoder.encode(PROLOG_REPLY, BodyEncoding.ZLIB, Samples.FI_USER_AGENT);

        assertThat(reply.contentType()).isEqualTo("application/x-compress-zlib");
        assertThat(reply.body()[0] & 0xFF).isEqualTo(0x78);
        assertThat(reply.body()[1] & 0xFF).isEqualTo(0x9C);
        byte[] inflated = new InflaterInputStream(new ByteArrayInputStream(reply.body())).readAllBytes();
        assertThat(new String(inflated, StandardCharsets.UTF_8)).isEqualTo(PROLOG_REPLY);
    }

    @Test
    void zlibReplyDecodesWithAgentBodyDecoder() {
        EncodedReply reply = AgentReplyEncoder.encode(AgentReplies.inventoryAccepted(), BodyEncoding.ZLIB,
                Samples.OCS_USER_AGENT);

        DecodedBody decoded = new AgentBodyDecoder().decode(reply.body());

        assertThat(decoded.encoding()).isEqualTo(BodyEncoding.ZLIB);
        assertThat(new String(decoded.content(), StandardCharsets.UTF_8)).isEqualTo(AgentReplies.inventoryAccepted());
    }

    @Test
    void xmlRequestGetsPlainXml() {
        EncodedReply reply = AgentReplyEncoder.encode(PROLOG_REPLY, BodyEncoding.XML, Samples.FI_USER_AGENT);

        assertThat(reply.contentType()).isEqualTo("application/xml");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(PROLOG_REPLY);
    }

    @Test
    void gzipRequestFromOcsGetsGzip() throws IOException {
        EncodedReply reply = AgentReplyEncoder.encode(PROLOG_REPLY, BodyEncoding.GZIP, Samples.OCS_USER_AGENT);

        assertThat(reply.contentType()).isEqualTo("application/x-compress-gzip");
        assertThat(reply.body()[0] & 0xFF).isEqualTo(0x1F);
        assertThat(reply.body()[1] & 0xFF).isEqualTo(0x8B);
        byte[] inflated = new GZIPInputStream(new ByteArrayInputStream(reply.body())).readAllBytes();
        assertThat(new String(inflated, StandardCharsets.UTF_8)).isEqualTo(PROLOG_REPLY);
    }

    @Test
    void gzipRequestFromOtherAgentsGetsPlainXml() {
        EncodedReply fusion = AgentReplyEncoder.encode(PROLOG_REPLY, BodyEncoding.GZIP, Samples.FI_USER_AGENT);
        EncodedReply unknown = AgentReplyEncoder.encode(PROLOG_REPLY, BodyEncoding.GZIP, null);

        assertThat(fusion.contentType()).isEqualTo("application/xml");
        assertThat(new String(fusion.body(), StandardCharsets.UTF_8)).isEqualTo(PROLOG_REPLY);
        assertThat(unknown.contentType()).isEqualTo("application/xml");
    }

    @Test
    void jsonRequestIsRejected() {
        assertThatThrownBy(() -> AgentReplyEncoder.encode(PROLOG_REPLY, BodyEncoding.JSON, "GLPI-Agent_v1.7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON request expects a JSON reply");
    }
}
