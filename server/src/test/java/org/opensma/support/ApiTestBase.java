package org.opensma.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that drives the real server over HTTP. The suite runs on a fresh
 * H2 file by default; with the system property {@code opensma.test.datasource.url}
 * (the Maven profile {@code postgres} sets it) it runs on that PostgreSQL database,
 * emptied once when the server starts. All test classes share one server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ApiTestBase.CleanDatabase.class, ApiTestBase.Clocks.class, StatementCounter.class})
public abstract class ApiTestBase {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String AGENT_TOKEN = "agent-test-token";

    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void databaseProperties(DynamicPropertyRegistry registry) {
        registry.add("OPENSMA_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        registry.add("OPENSMA_AGENT_TOKEN", () -> AGENT_TOKEN);
        registry.add("opensma.data-dir", DATA_DIR::toString);
        // Short login delays and a higher account lock threshold keep protection tests fast and let the
        // concurrency test fire ten parallel failures before the lock; the other values are the defaults.
        registry.add("opensma.security.login.initial-delay", () -> "100ms");
        registry.add("opensma.security.login.max-delay", () -> "400ms");
        registry.add("opensma.security.login.lock-after-failures", () -> "10");
        registry.add("opensma.security.login.address-max-failures", () -> "50");
        // Ticket notifications go to a real SMTP server started by the tests.
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
        String url = System.getProperty("opensma.test.datasource.url", "");
        if (!url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username",
                    () -> System.getProperty("opensma.test.datasource.username", "postgres"));
            registry.add("spring.datasource.password", () -> "");
            registry.add("spring.flyway.clean-disabled", () -> "false");
        }
    }

    /** Whether this run uses PostgreSQL rather than the embedded H2. */
    public static boolean onPostgres() {
        return !System.getProperty("opensma.test.datasource.url", "").isBlank();
    }

    protected ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** A client already logged in as the administrator of Default. */
    protected ApiClient admin() {
        ApiClient client = client();
        client.login("admin", ADMIN_PASSWORD);
        return client;
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("opensma-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's clock, which tests of timeouts move forward; see {@link TestClock}. */
    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

        /** On PostgreSQL, drops whatever an earlier run left before migrating. */
    @TestConfiguration
    static class CleanDatabase {

        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                if (onPostgres()) {
                    flyway.clean();
                }
                flyway.migrate();
            };
        }
    }
}
