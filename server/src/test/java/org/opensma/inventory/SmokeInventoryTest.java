package org.opensma.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opensma.support.AgentSamples;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;

class SmokeInventoryTest extends ApiTestBase {

    @Test
    void ocsSample_isListedAfterIngest() {
        ApiResponse ingest = client().postBytes("/ocsinventory", AgentSamples.ocsInventoryZlib(),
                "Authorization", AgentSamples.basicAuth("agent", AGENT_TOKEN),
                "Content-Type", "application/x-compress");
        assertThat(ingest.status()).as(ingest.body()).isEqualTo(200);

        ApiResponse list = admin().get("/api/inventory/machines?filtering=name%20eq%20testhost-01");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("Machines").get(0).get("Os_name").asString()).isEqualTo("Debian GNU/Linux 12");
    }
}
