package org.opensma.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensma.organization.TestOrganizations.PASSWORD;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensma.admin.AdminCli;
import org.opensma.organization.TestOrganizations;
import org.opensma.organization.TestOrganizations.Org;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * {@code admin generate}: the generated machines are visible through the API with their
 * software, and the server keeps storing inventories after the bulk load.
 */
class OrganizationGeneratorTest extends ApiTestBase {

    @Autowired
    private Environment environment;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void generate_fillsOrganizationVisibleThroughApi() {
        ApiClient admin = TestOrganizations.kaceClient(admin());
        Org org = TestOrganizations.create(admin, TestOrganizations.unique("Generated"));

        assertThat(generate(org.name(), 30)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(generate(org.name(), 30)).as(err.toString(StandardCharsets.UTF_8)).isZero();

        TestOrganizations.switchTo(admin, org.id());
        assertThat(count(admin, "/api/inventory/machines?use_count_only=true")).isEqualTo(60);
        assertThat(count(admin, "/api/inventory/softwares?use_count_only=true"))
                .isEqualTo(OrganizationGenerator.SOFTWARE_CATALOG);
        assertThat(count(admin, "/api/inventory/machines?use_count_only=true&filtering=software.name%20eq%20bash"))
                .isBetween(40L, 60L);
        assertThat(count(admin, "/api/inventory/machines?use_count_only=true&filtering=name%20eq%20nonexistent"))
                .isZero();
        assertThat(count(admin, "/api/asset/assets?use_count_only=true&filtering=asset_type_id%20eq%205"))
                .as("one Device asset per machine").isEqualTo(60);
        assertThat(count(admin, "/api/asset/assets?use_count_only=true&filtering=mapped_id%20eq%200")).isZero();
        assertThat(count(admin, "/api/service_desk/tickets?use_count_only=true")).as("one ticket per ten machines")
                .isEqualTo(6);
        assertThat(count(admin, "/api/service_desk/tickets?use_count_only=true&filtering="
                + "machine.name%20eq%20" + firstTicketMachine(admin))).isEqualTo(1);
    }

    /** The machine name of one generated ticket, read through the ticket's asset relation. */
    private static String firstTicketMachine(ApiClient admin) {
        return admin.get("/api/service_desk/tickets?paging=limit%201&shaping=hd_ticket%20limited,asset%20limited")
                .json().get("Tickets").get(0).get("asset").get("name").asString();
    }

    @Test
    void generate_leavesIdsFreeForTheIngest() {
        ApiClient admin = TestOrganizations.kaceClient(admin());
        Org org = TestOrganizations.create(admin, TestOrganizations.unique("GeneratedIngest"));

        assertThat(generate(org.name(), 5)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        TestOrganizations.seedMachine(client(), org.agentToken());

        TestOrganizations.switchTo(admin, org.id());
        assertThat(count(admin, "/api/inventory/machines?use_count_only=true")).isEqualTo(6);
        assertThat(count(admin, "/api/inventory/machines?use_count_only=true&filtering=name%20eq%20testhost-01"))
                .isEqualTo(1);
        assertThat(count(admin, "/api/asset/assets?use_count_only=true&filtering=asset_type_id%20eq%205"))
                .as("the ingested machine's Device asset does not collide with generated ids").isEqualTo(6);
    }

    @Test
    void generate_badArguments_exitWithOne() {
        assertThat(generate("No such organization", 3)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'No such organization' not found");

        int code = AdminCli.run(withDatabase(List.of("generate", "--org", "Default")), user -> PASSWORD,
                stream(out), stream(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--machines N");
    }

    @Test
    void sqlTiming_printsLatencyAndRatePerFile(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("count_only.sql");
        Files.writeString(file, "select count(*) from machine;\nselect 1;\n");

        int code = sqlTiming(file);

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).matches("count_only [0-9]+\\.[0-9]{3} [0-9]+");
    }

    @Test
    void sqlTiming_badStatement_exitsWithOne(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("bad.sql");
        Files.writeString(file, "select * from no_such_table;\n");

        int code = sqlTiming(file);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).containsIgnoringCase("no_such_table");
    }

    private int sqlTiming(Path file) {
        out.reset();
        err.reset();
        return AdminCli.run(withDatabase(List.of("sql-timing", "--clients", "2", "--seconds", "1", "--warmup", "0",
                file.toString())), user -> PASSWORD, stream(out), stream(err));
    }

    private int generate(String orgName, int machines) {
        out.reset();
        err.reset();
        return AdminCli.run(withDatabase(List.of("generate", "--org", orgName, "--machines", String.valueOf(machines))),
                user -> PASSWORD, stream(out), stream(err));
    }

    private String[] withDatabase(List<String> command) {
        List<String> arguments = new java.util.ArrayList<>();
        arguments.add("--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"));
        arguments.add("--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""));
        arguments.add("--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""));
        arguments.addAll(command);
        return arguments.toArray(String[]::new);
    }

    private static long count(ApiClient client, String path) {
        var response = client.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("Count").asLong();
    }

    private static PrintStream stream(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }
}
