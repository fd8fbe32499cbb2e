package org.opensma.agent.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.Test;

class GlpiRepliesTest {

    @Test
    void contactReply_schedulesInventory() {
        assertThat(GlpiReplies.contact(24))
                .isEqualTo("{\"status\":\"ok\",\"expiration\":24,\"tasks\":{\"inventory\":{}}}");
    }

    @Test
    void inventoryReply_hasStatusAndExpiration() {
        assertThat(GlpiReplies.inventoryAccepted(6)).isEqualTo("{\"status\":\"ok\",\"expiration\":6}");
    }

    @Test
    void replies_rejectNonPositiveExpiration() {
        assertThatThrownBy(() -> GlpiReplies.contact(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expirationHours must be at least 1, got 0");
        assertThatThrownBy(() -> GlpiReplies.inventoryAccepted(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zlibRequest_getsDefaultLevelZlibJson() throws IOException {
        EncodedReply reply = AgentReplyEncoder.encodeJson(GlpiReplies.contact(24), BodyEncoding.ZLIB);

        assertThat(reply.contentType()).isEqualTo("application/x-compress-zlib");
        assertThat(reply.body()[0]).isEqualTo((byte) 0x78);
        assertThat(reply.body()[1]).isEqualTo((byte) 0x9C);
        byte[] inflated = new InflaterInputStream(new ByteArrayInputStream(reply.body())).readAllBytes();
        assertThat(new String(inflated, StandardCharsets.UTF_8)).isEqualTo(GlpiReplies.contact(24));
    }

    @Test
    void plainAndGzipRequests_getPlainJson() {
        for (BodyEncoding encoding : new BodyEncoding[] {BodyEncoding.JSON, BodyEncoding.GZIP}) {
            EncodedReply reply = AgentReplyEncoder.encodeJson(GlpiReplies.inventoryAccepted(24), encoding);

            assertThat(reply.contentType()).as(encoding.name()).isEqualTo("application/json");
            assertThat(new String(reply.body(), StandardCharsets.UTF_8)).as(encoding.name())
                    .isEqualTo("{\"status\":\"ok\",\"expiration\":24}");
        }
    }
}
