package org.opensma.admin;

import java.time.Clock;
import javax.sql.DataSource;
import org.opensma.account.persistence.AgentTokenRepository;
import org.opensma.account.persistence.CustomRoleRepository;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.ServerSecretRepository;
import org.opensma.account.persistence.UserRepository;
import org.opensma.account.service.OrganizationService;
import org.opensma.account.service.PasswordPolicy;
import org.opensma.account.service.PasswordPolicyProperties;
import org.opensma.account.service.UserService;
import org.opensma.audit.AuditLog;
import org.opensma.bench.OrganizationGenerator;
import org.opensma.platform.config.OpenSmaProperties;
import org.opensma.platform.security.SessionTokenService;
import org.opensma.platform.security.Sessions;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Spring context of the admin command: the server's datasource settings, Flyway and
 * jOOQ, and only the services the commands use, without the web server. It is not a
 * {@code @Configuration}, so the server's component scan does not pick it up.
 */
@EnableAutoConfiguration(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties({OpenSmaProperties.class, PasswordPolicyProperties.class})
@Import({AdminContext.PackagePrivateParts.class, OrganizationRepository.class, UserRepository.class,
        AgentTokenRepository.class, CustomRoleRepository.class, ServerSecretRepository.class,
        OrganizationService.class, UserService.class, PasswordPolicy.class, Sessions.class,
        SessionTokenService.class, AuditLog.class})
class AdminContext {

    /** Creates the same encoder as the server's, so that passwords set here verify at login. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** Spring Session's table, so that a password reset ends the user's sessions in the running server too. */
    @Bean
    JdbcIndexedSessionRepository sessionRepository(JdbcTemplate jdbc, TransactionTemplate transaction) {
        return new JdbcIndexedSessionRepository(jdbc, transaction);
    }

    @Bean
    OrganizationGenerator organizationGenerator(DataSource dataSource) {
        return new OrganizationGenerator(dataSource);
    }

    @Bean
    AdminCommands adminCommands(OrganizationService organizations, UserService users) {
        return new AdminCommands(organizations, users);
    }

    /** Server configuration classes that are package-private, imported by name. */
    static class PackagePrivateParts implements ImportSelector {

        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] {"org.opensma.platform.persistence.JooqConfig"};
        }
    }
}
