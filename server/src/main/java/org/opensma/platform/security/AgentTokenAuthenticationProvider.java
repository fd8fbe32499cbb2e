package org.opensma.platform.security;

import java.util.List;
import org.opensma.account.persistence.AgentTokenRepository;
import org.opensma.account.service.Secrets;
import org.opensma.platform.web.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Authenticates agents by the HTTP Basic password alone: it must be an organization's
 * agent token. The user name is free, because agents send whatever was configured.
 */
class AgentTokenAuthenticationProvider implements AuthenticationProvider {

    static final String AGENT_ROLE = "AGENT";
    private static final Logger log = LoggerFactory.getLogger(AgentTokenAuthenticationProvider.class);

    private final AgentTokenRepository tokens;

    AgentTokenAuthenticationProvider(AgentTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        String token = credentials == null ? "" : credentials.toString();
        Long orgId = token.isEmpty() ? null : tokens.findOrgIdByHash(Secrets.sha256(token)).orElse(null);
        if (orgId == null) {
            log.warn("SEC-0010 agent rejected: unknown agent token user={}", LogSafe.text(authentication.getName()));
            throw new BadCredentialsException("Unknown agent token");
        }
        return UsernamePasswordAuthenticationToken.authenticated(new AgentPrincipal(orgId), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + AGENT_ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
