package org.opensma.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensma.organization.TestOrganizations.PASSWORD;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensma.account.service.OrganizationService;
import org.opensma.account.service.UserService;
import org.opensma.organization.TestOrganizations;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The admin command: its commands run on the services of the test server, and once
 * through {@link AdminCli} with its own Spring context on the same database.
 */
class AdminCommandTest extends ApiTestBase {

    /** The administrator's client sends a version header, as KACE clients do, so changes pass the CSRF check. */
    @Override
    protected ApiClient admin() {
        return TestOrganizations.kaceClient(super.admin());
    }

    @Autowired
    private OrganizationService organizations;
    @Autowired
    private UserService users;
    @Autowired
    private Environment environment;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void createOrganization_printsTokenThatAgentsUse() {
        String name = TestOrganizations.unique("CliOrg");

        int code = run(List.of("create-organization", name), user -> PASSWORD);

        assertThat(code).as(err()).isZero();
        String token = out().lines().filter(line -> line.startsWith("Agent token")).findFirst().orElseThrow()
                .replaceAll(".*: ", "");
        TestOrganizations.seedMachine(client(), token);
        assertThat(admin().get("/ams/shared/api/organizations").body()).contains(name);
    }

    @Test
    void createUser_withSystemAdmin_canLogIn() {
        String userName = TestOrganizations.unique("rescuer");
        List<String> asked = new ArrayList<>();

        int code = run(List.of("create-user", "--org", "Default", "--user", userName, "--role=admin",
                "--system-admin"), user -> {
                    asked.add(user);
                    return PASSWORD;
                });

        assertThat(code).as(err()).isZero();
        assertThat(asked).containsExactly(userName);
        assertThat(out()).contains("Created user '" + userName + "'").contains("system administrator");
        ApiClient rescuer = TestOrganizations.login(client().baseUrl(), userName, PASSWORD, "Default");
        assertThat(rescuer.get("/ams/shared/api/security/refreshcontext").json().get("systemAdmin").asBoolean())
                .isTrue();
    }

    @Test
    void resetPassword_endsSessionsAndAllowsNewPassword() {
        ApiClient admin = admin();
        String userName = TestOrganizations.unique("forgetful");
        TestOrganizations.createUser(admin, userName, "STANDARD");
        ApiClient session = TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");

        int code = run(List.of("reset-password", userName), user -> "Fresh-Start-2026");

        assertThat(code).as(err()).isZero();
        assertThat(session.get("/api/users/me").status()).isEqualTo(401);
        TestOrganizations.login(admin.baseUrl(), userName, "Fresh-Start-2026", "Default");
    }

    @Test
    void resetPassword_weakPasswordFailsNamingRule() {
        ApiClient admin = admin();
        String userName = TestOrganizations.unique("weakreset");
        TestOrganizations.createUser(admin, userName, "STANDARD");

        int code = run(List.of("reset-password", userName), user -> "short");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("minimum is 12");
        TestOrganizations.login(admin.baseUrl(), userName, PASSWORD, "Default");
    }

    @Test
    void resetTwoFactor_succeedsForKnownUserOnly() {
        ApiClient admin = admin();
        String userName = TestOrganizations.unique("twofactor");
        TestOrganizations.createUser(admin, userName, "STANDARD");

        assertThat(run(List.of("reset-two-factor", userName), user -> PASSWORD)).as(err()).isZero();
        assertThat(out()).contains("Two-factor authentication of user '" + userName + "' removed");
        assertThat(run(List.of("reset-two-factor", "nobody-" + userName), user -> PASSWORD)).isEqualTo(1);
        assertThat(err()).contains("not found");
    }

    @Test
    void usageErrors_exitWithOne() {
        assertThat(run(List.of("create-user", "--org", "Default"), user -> PASSWORD)).isEqualTo(1);
        assertThat(err()).contains("option --user is required");
        assertThat(run(List.of("create-organization"), user -> PASSWORD)).isEqualTo(1);
        assertThat(run(List.of("frobnicate"), user -> PASSWORD)).isEqualTo(1);
        assertThat(err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void cli_help_listsCommandsWithoutDatabase() {
        int code = AdminCli.run(new String[] {"help"}, user -> PASSWORD, stream(out), stream(err));

        assertThat(code).isZero();
        assertThat(out()).contains("create-organization NAME").contains("create-user --org ORG")
                .contains("reset-password USER").contains("reset-two-factor USER").contains("OPENSMA_NEW_PASSWORD");
    }

    /** The path of {@code java -jar ... admin}: a second Spring context without web server on the same database. */
    @Test
    void cli_createsOrganizationThroughOwnContext() {
        String name = TestOrganizations.unique("CliContext");
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"));
        arguments.add("--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""));
        arguments.add("--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""));
        arguments.add("create-organization");
        arguments.add(name);

        int code = AdminCli.run(arguments.toArray(String[]::new), user -> PASSWORD, stream(out), stream(err));

        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("Created organization '" + name + "'");
        ApiResponse list = admin().get("/ams/shared/api/organizations");
        assertThat(list.body()).contains(name);
    }

    private int run(List<String> arguments, PasswordSource passwords) {
        out.reset();
        err.reset();
        return new AdminCommands(organizations, users).execute(arguments, passwords, stream(out), stream(err));
    }

    private static PrintStream stream(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
