package org.opensma.account.service;

import org.opensma.account.Organization;
import org.opensma.account.OrganizationCreatedEvent;
import org.opensma.account.Role;
import org.opensma.account.persistence.AgentTokenRepository;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the organization {@code Default}, its administrator {@code admin} and its agent
 * token on the first start against an empty database. The secrets come from
 * OPENSMA_ADMIN_PASSWORD and OPENSMA_AGENT_TOKEN, or are generated and logged once.
 */
@Component
class FirstStartInitializer implements ApplicationRunner {

    static final String DEFAULT_ORGANIZATION = "Default";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD_VARIABLE = "OPENSMA_ADMIN_PASSWORD";
    static final String AGENT_TOKEN_VARIABLE = "OPENSMA_AGENT_TOKEN";

    private static final Logger log = LoggerFactory.getLogger(FirstStartInitializer.class);

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final AgentTokenRepository agentTokens;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private final ApplicationEventPublisher events;

    FirstStartInitializer(OrganizationRepository organizations, UserRepository users,
            AgentTokenRepository agentTokens, PasswordEncoder passwordEncoder, TransactionTemplate transaction,
            Environment environment, ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.users = users;
        this.agentTokens = agentTokens;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
        this.environment = environment;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organizations.any()) {
            return;
        }
        transaction.executeWithoutResult(status -> initialize());
    }

    private void initialize() {
        Organization organization = organizations.createIfAbsent(DEFAULT_ORGANIZATION);
        events.publishEvent(new OrganizationCreatedEvent(organization.id()));

        String configuredPassword = environment.getProperty(ADMIN_PASSWORD_VARIABLE, "");
        String password = configuredPassword.isBlank() ? Secrets.random(15) : configuredPassword;
        if (users.createIfAbsent(ADMIN_USER, "Administrator", passwordEncoder.encode(password), organization.id())) {
            long adminId = users.findByUserName(ADMIN_USER).orElseThrow().id();
            users.addMembership(adminId, organization.id(), Role.ADMIN);
            users.setSystemAdmin(adminId, true);
            if (configuredPassword.isBlank()) {
                log.warn("*** FIRST START *** administrator '{}' of organization '{}' has the generated password: {}"
                        + "  (shown only this once; set {} before the first start to choose it)",
                        ADMIN_USER, DEFAULT_ORGANIZATION, password, ADMIN_PASSWORD_VARIABLE);
            } else {
                log.info("First start: administrator '{}' created with the password from {}",
                        ADMIN_USER, ADMIN_PASSWORD_VARIABLE);
            }
        }

        if (!agentTokens.existsForOrg(organization.id())) {
            String configuredToken = environment.getProperty(AGENT_TOKEN_VARIABLE, "");
            String token = configuredToken.isBlank() ? Secrets.random(24) : configuredToken;
            agentTokens.create(organization.id(), Secrets.sha256(token));
            if (configuredToken.isBlank()) {
                log.warn("*** FIRST START *** agent token of organization '{}' (the agents' HTTP password): {}"
                        + "  (shown only this once; set {} before the first start to choose it)",
                        DEFAULT_ORGANIZATION, token, AGENT_TOKEN_VARIABLE);
            } else {
                log.info("First start: agent token of organization '{}' taken from {}",
                        DEFAULT_ORGANIZATION, AGENT_TOKEN_VARIABLE);
            }
        }
    }
}
