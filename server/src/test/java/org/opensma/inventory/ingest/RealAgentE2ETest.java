package org.opensma.inventory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Runs the Debian packages {@code ocsinventory-agent} and {@code fusioninventory-agent}
 * against the test server on 127.0.0.1 and compares what the API then lists for this
 * machine with what the operating system reports.
 *
 * <p>The system property {@code opensma.test.e2e-agents} selects the mode: {@code auto}
 * (the default) runs an agent only if its program is installed, {@code required} fails
 * when one is missing, and {@code off} skips both.
 */
class RealAgentE2ETest extends ApiTestBase {

    private static final String MODE_PROPERTY = "opensma.test.e2e-agents";
    private static final Path OCS_AGENT = Path.of("/usr/bin/ocsinventory-agent");
    private static final Path FUSION_AGENT = Path.of("/usr/bin/fusioninventory-agent");
    private static final long AGENT_TIMEOUT_SECONDS = 300;
    /** Output keys of the machine relations that {@link #assertSectionsListed} checks. */
    private static final Map<String, String> SECTION_KEYS = Map.of(
            "software", "Software",
            "operating_system", "OperatingSystems",
            "network_interfaces", "NetworkInterfaces",
            "cpus", "Cpus",
            "drives", "Drives",
            "processes", "Processes");

    @TempDir
    Path work;

    @Test
    void ocsAgent_reportsThisMachine() throws Exception {
        requireAgent(OCS_AGENT);
        String host = thisHostName();
        String before = lastInventory(host);
        Path varDir = Files.createDirectories(work.resolve("ocs-var"));

        // OCS agent 2.10 base64-decodes --user and --password before it uses them.
        run(List.of(OCS_AGENT.toString(),
                "--server=" + serverUrl(),
                "--user=" + base64("agent"),
                "--password=" + base64(AGENT_TOKEN),
                "--realm=OpenSMA",
                "--nolocal",
                "--basevardir=" + varDir));

        assertThisMachine(host, before, "OCS-NG_unified_unix_agent_v");
        assertSectionsListed(host, "software", "operating_system", "network_interfaces", "cpus", "drives");
    }

    @Test
    void fusionInventoryAgent_reportsThisMachine() throws Exception {
        requireAgent(FUSION_AGENT);
        String host = thisHostName();
        String before = lastInventory(host);
        // A configuration file of its own keeps the agent from reading the system one in /etc.
        // NOTE: the agent has no option for its state folder, so it still writes its
        // device id to /var/lib/fusioninventory-agent.
        Path config = Files.writeString(work.resolve("agent.cfg"), "logger = stderr\n");

        run(List.of(FUSION_AGENT.toString(),
                "--config=file",
                "--conf-file=" + config,
                "--server", serverUrl(),
                "--no-httpd",
                "--tasks=inventory",
                "--user", "agent",
                "--password", AGENT_TOKEN,
                "--logger=stderr"));

        assertThisMachine(host, before, "FusionInventory-Agent_v");
        assertSectionsListed(host, "software", "operating_system", "network_interfaces", "cpus", "drives",
                "processes");
    }

    private void assertThisMachine(String host, String lastInventoryBefore, String clientVersionPrefix)
            throws IOException, InterruptedException {
        // Exit code 0 is not enough: fusioninventory-agent 2.6 also exits 0 when the server rejects it.
        JsonNode machine = AgentRequests.machineNamed(admin(), host);
        String lastInventory = machine.get("Last_inventory").asString();
        if (lastInventoryBefore != null) {
            assertThat(lastInventory).as("Last_inventory after the agent run").isGreaterThan(lastInventoryBefore);
        }
        assertThat(machine.get("Client_version").asString()).startsWith(clientVersionPrefix);

        String osName = machine.get("Os_name").asString();
        assertThat(osName).isNotBlank();
        assertThat(osRelease().get("PRETTY_NAME")).as("PRETTY_NAME in /etc/os-release").startsWith(osName);

        long ramMb = Long.parseLong(machine.get("Ram Total").asString().replace(" MB", ""));
        long memTotalMb = memTotalKib() / 1024;
        assertThat(ramMb).as("Ram Total against MemTotal %d MB", memTotalMb)
                .isCloseTo(memTotalMb, withinPercentage(3));

        Set<String> addresses = ipv4Addresses();
        assertThat(addresses).as("addresses of this machine").contains(machine.get("Ip").asString());

        int packages = installedPackageCount();
        int titles = machine.get("Software").size();
        assertThat(titles).as("software titles against %d installed packages", packages)
                .isCloseTo(packages, within(Math.max(10, packages / 20)));
    }

    /** Fails unless each named machine relation lists at least one row for the machine. */
    private void assertSectionsListed(String host, String... relations) {
        String id = AgentRequests.machineNamed(admin(), host).get("Id").asString();
        String shaping = "machine limited," + String.join(" limited,", relations) + " limited";
        ApiResponse response = admin().get("/api/inventory/machines/" + id + "?shaping=" + ApiClient.encode(shaping));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode machine = response.json().get("Machines").get(0);

        for (String relation : relations) {
            String key = SECTION_KEYS.get(relation);
            assertThat(machine.get(key)).as("%s (key %s) of %s", relation, key, host).isNotEmpty();
        }
    }

    /** Returns the Last_inventory of the machine, or null if it is not listed yet. */
    private String lastInventory(String host) throws InterruptedException {
        List<JsonNode> machines = AgentRequests.machinesNamed(admin(), host);
        assertThat(machines).as("machines named %s", host).hasSizeLessThanOrEqualTo(1);
        // Last_inventory has whole seconds, so waiting keeps this run's value from matching the last one.
        Thread.sleep(1100);
        return machines.isEmpty() ? null : machines.getFirst().get("Last_inventory").asString();
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path output = work.resolve("agent-output.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        environment.put("LANG", "C.UTF-8");
        environment.put("HOME", work.toString());

        Process process = builder.start();
        if (!process.waitFor(AGENT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s timed out after %d s; output:%n%s", command.getFirst(), AGENT_TIMEOUT_SECONDS,
                    Files.readString(output));
        }
        assertThat(process.exitValue()).as("exit code of %s; output:%n%s", command.getFirst(),
                Files.readString(output)).isZero();
    }

    private String serverUrl() {
        return "http://127.0.0.1:" + port + AgentRequests.ENDPOINT;
    }

    private static void requireAgent(Path program) {
        String mode = System.getProperty(MODE_PROPERTY, "").strip().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "", "auto" -> Assumptions.assumeTrue(Files.isExecutable(program),
                    program + " is not installed; set " + MODE_PROPERTY + "=required to fail instead");
            case "required" -> assertThat(Files.isExecutable(program))
                    .as("%s=required but %s is not installed", MODE_PROPERTY, program).isTrue();
            case "off" -> Assumptions.abort(MODE_PROPERTY + "=off");
            default -> fail("Invalid %s=%s; expected auto, required or off", MODE_PROPERTY, mode);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String thisHostName() throws IOException, InterruptedException {
        return command("hostname").strip();
    }

    private static Map<String, String> osRelease() throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1).replaceAll("^\"|\"$", ""));
            }
        }
        return values;
    }

    private static long memTotalKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("MemTotal is missing from /proc/meminfo");
    }

    /** IPv4 addresses from {@code hostname -I} and {@code ip -4 -o addr}. */
    private static Set<String> ipv4Addresses() throws IOException, InterruptedException {
        Set<String> addresses = new HashSet<>(List.of(command("hostname", "-I").strip().split("\\s+")));
        for (String line : command("ip", "-4", "-o", "addr").split("\n")) {
            String[] fields = line.strip().split("\\s+");
            for (int i = 0; i + 1 < fields.length; i++) {
                if (fields[i].equals("inet")) {
                    addresses.add(fields[i + 1].replaceAll("/\\d+$", ""));
                }
            }
        }
        return addresses;
    }

    private static int installedPackageCount() throws IOException, InterruptedException {
        return command("dpkg-query", "-f", ".\n", "-W").split("\n").length;
    }

    private static String command(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
