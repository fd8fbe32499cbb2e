package org.opensma.inventory.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many agents reporting at once: distinct machines built from the recorded OCS inventory
 * share its 806 software titles, and some machines send the same inventory several times
 * in parallel.
 */
class ConcurrentIngestTest extends ApiTestBase {

    private static final int DISTINCT_MACHINES = 48;
    /** Machines whose inventory is sent three times at once; 48 + 8 * 2 = 64 requests. */
    private static final int RESENT_MACHINES = 8;
    private static final int RESENDS = 2;
    private static final int PARALLEL_REQUESTS = 64;
    private static final String PREFIX = "parallel-" + Long.toHexString(System.nanoTime());

    @Autowired
    private DSLContext dsl;

    @Test
    void parallelInventories_storeEachMachineOnce() throws Exception {
        String prefix = PREFIX;
        List<SampleMachine> machines = new ArrayList<>();
        for (int i = 0; i < DISTINCT_MACHINES; i++) {
            // Each machine has one title of its own besides the shared ones.
            machines.add(SampleMachine.random(prefix + "-" + i).withExtraTitle(prefix + "-title-" + i));
        }
        List<SampleMachine> requests = new ArrayList<>(machines);
        for (int i = 0; i < RESENT_MACHINES; i++) {
            for (int copy = 0; copy < RESENDS; copy++) {
                requests.add(machines.get(i));
            }
        }
        assertThat(requests).hasSize(PARALLEL_REQUESTS);

        List<ApiResponse> responses = sendAtOnce(requests);

        for (int i = 0; i < responses.size(); i++) {
            assertThat(responses.get(i).status()).as("request %d: %s", i, responses.get(i).body()).isEqualTo(200);
        }
        Map<String, Integer> titlesByMachine = dsl.fetch("SELECT m.name, COUNT(ms.software_id) FROM machine m"
                        + " LEFT JOIN machine_software ms ON ms.machine_id = m.id WHERE m.name LIKE ? GROUP BY m.name",
                        prefix + "-%")
                .intoMap(record -> record.get(0, String.class), record -> record.get(1, Integer.class));
        assertThat(titlesByMachine).hasSize(DISTINCT_MACHINES);
        for (SampleMachine machine : machines) {
            assertThat(titlesByMachine.get(machine.host())).as("titles of %s", machine.host()).isEqualTo(806 + 1);
        }
        assertThat(dsl.fetch("SELECT org_id, display_name, display_version, publisher, COUNT(*) FROM software"
                + " GROUP BY org_id, display_name, display_version, publisher HAVING COUNT(*) > 1")).isEmpty();
        assertThat(dsl.fetchCount(dsl.selectFrom("machine_identity_conflict")
                .where("machine_id IN (SELECT id FROM machine WHERE name LIKE ?)", prefix + "-%"))).isZero();
    }

    /**
     * Deletes the machines and titles of this test, because the other test classes share the
     * database and list every machine with its software.
     */
    @AfterEach
    void deleteParallelMachines() {
        dsl.execute("DELETE FROM machine WHERE name LIKE ?", PREFIX + "-%");
        dsl.execute("DELETE FROM software WHERE display_name LIKE ?", PREFIX + "-%");
    }

    /** Sends every inventory from its own thread, all released at once, and waits at most two minutes. */
    private List<ApiResponse> sendAtOnce(List<SampleMachine> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (SampleMachine machine : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return machine.send(client());
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get(2, TimeUnit.MINUTES));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
