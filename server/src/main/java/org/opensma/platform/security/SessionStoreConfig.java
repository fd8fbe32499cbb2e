package org.opensma.platform.security;

import java.time.Duration;
import org.opensma.platform.config.OpenSmaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Sessions in Spring Session's JDBC tables, seen through {@link TouchLimitedSessionRepository}
 * so that a busy session does not write its last access time on every request. Spring Boot's
 * own JDBC session configuration steps back when a session repository is declared, so the
 * JDBC repository is enabled here and given the idle timeout itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class SessionStoreConfig {

    /** The longest a stored last access time may lag behind the last request. */
    static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> idleTimeout(OpenSmaProperties properties) {
        return repository -> repository.setDefaultMaxInactiveInterval(properties.session().idleTimeout());
    }

    @Bean
    @Primary
    TouchLimitedSessionRepository touchLimitedSessionRepository(JdbcIndexedSessionRepository jdbc,
            OpenSmaProperties properties) {
        return new TouchLimitedSessionRepository(jdbc, touchInterval(properties.session().idleTimeout()));
    }

    /** 30 s, or a hundredth of a short idle timeout, so the lag stays small against the timeout. */
    static Duration touchInterval(Duration idleTimeout) {
        Duration share = idleTimeout.dividedBy(100);
        return share.compareTo(TOUCH_INTERVAL) < 0 ? share : TOUCH_INTERVAL;
    }
}
