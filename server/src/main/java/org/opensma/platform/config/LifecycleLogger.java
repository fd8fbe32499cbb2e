package org.opensma.platform.config;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs one line when the server is ready for requests and one when it stops. */
@Component
class LifecycleLogger {

    private static final Logger log = LoggerFactory.getLogger("org.opensma.OpenSMA");

    private final DataSource dataSource;
    private final OpenSmaProperties properties;

    LifecycleLogger(DataSource dataSource, OpenSmaProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : -1;
        String url = dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl() : "unknown";
        boolean embedded = url.startsWith("jdbc:h2:");
        long startMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        log.info("OpenSMA started: url=http://localhost:{}/ database={} ({}) data-dir={} startup-ms={}", port,
                embedded ? "H2" : databaseName(url), withoutParameters(url),
                embedded ? properties.dataDir().toAbsolutePath().normalize() : "(not used: external database)",
                startMillis);
    }

    @EventListener
    void stopping(ContextClosedEvent event) {
        log.info("OpenSMA stopping");
    }

    /** Returns the JDBC URL without its parameters, which may carry a password. */
    static String withoutParameters(String url) {
        int cut = url.length();
        for (char separator : new char[] {'?', ';'}) {
            int index = url.indexOf(separator);
            if (index >= 0) {
                cut = Math.min(cut, index);
            }
        }
        return url.substring(0, cut);
    }

    private static String databaseName(String url) {
        return url.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "JDBC";
    }
}
