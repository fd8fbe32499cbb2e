package org.opensma.platform.security;

import java.time.Clock;
import org.opensma.account.persistence.AgentTokenRepository;
import org.opensma.platform.config.OpenSmaProperties;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.ErrorResponseWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Two separate surfaces. Agents reach {@code /ocsinventory} statelessly with HTTP Basic
 * and an organization's agent token. Everything else is the KACE API, authenticated by
 * the session that login creates, named by cookie or token header.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String LOGIN_PATH = "/ams/shared/api/security/login";
    static final String LOGOUT_PATH = "/ams/shared/api/security/logout";

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

    /**
     * The session cookie {@code kboxid}: host-only, {@code Path=/}, {@code SameSite=Lax},
     * HttpOnly, and Secure only when the request came over HTTPS.
     */
    @Bean
    HttpSessionIdResolver httpSessionIdResolver(SessionTokenService tokens) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(KaceCookie.SESSION);
        cookie.setCookiePath("/");
        cookie.setSameSite("Lax");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setUseBase64Encoding(false);
        return new KaceSessionIdResolver(cookie, tokens);
    }

    @Bean
    @Order(1)
    SecurityFilterChain agentChain(HttpSecurity http, AgentTokenRepository tokens, OpenSmaProperties properties,
            ErrorResponseWriter errors) throws Exception {
        String challenge = "Basic realm=\"" + properties.agent().realm() + "\"";
        http.securityMatcher("/ocsinventory", "/ocsinventory/**")
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(new ProviderManager(new AgentTokenAuthenticationProvider(tokens)))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, exception) -> {
                    response.setHeader("WWW-Authenticate", challenge);
                    String message = exception instanceof BadCredentialsException
                            ? "Agent token rejected: the HTTP Basic password is not a known agent token"
                            : "Agent token required: send it as the HTTP Basic password";
                    errors.write(response, ApiError.NOT_AUTHENTICATED, message);
                }))
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .hasRole(AgentTokenAuthenticationProvider.AGENT_ROLE));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ErrorResponseWriter errors,
            SecurityContextRepository securityContextRepository, SessionLifetime sessionLifetime) throws Exception {
        KaceAuthenticationEntryPoint entryPoint = new KaceAuthenticationEntryPoint(errors);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.securityContextRepository(securityContextRepository))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(entryPoint))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN_PATH, LOGOUT_PATH, "/ams/shared/api/security/supportedAuthTypes")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new SessionLifetimeFilter(sessionLifetime, errors), AuthorizationFilter.class)
                .addFilterBefore(new TwoFactorPendingFilter(errors), AuthorizationFilter.class)
                .addFilterAfter(new KaceCsrfFilter(errors), AuthorizationFilter.class);
        return http.build();
    }
}
