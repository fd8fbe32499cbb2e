package org.opensma.account.service;

import java.time.Clock;
import java.util.Optional;
import org.opensma.account.Organization;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.UserAccount;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.UserRepository;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a user name, password and optional organization. Every failure gives the same
 * answer, and an unknown user costs the same hash work as a wrong password, so the
 * response does not tell which part was wrong.
 */
@Service
public class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PasswordEncoder passwordEncoder;
    private final PrincipalFactory principals;
    private final Clock clock;
    private final String unknownUserHash;

    LoginService(UserRepository users, OrganizationRepository organizations, PasswordEncoder passwordEncoder,
            PrincipalFactory principals, Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.passwordEncoder = passwordEncoder;
        this.principals = principals;
        this.clock = clock;
        this.unknownUserHash = passwordEncoder.encode(Secrets.random(16));
    }

    /** Returns the principal for valid credentials, or throws BAD_CREDENTIALS. */
    public SmaPrincipal authenticate(String userName, String password, String organizationName, String address) {
        Optional<UserAccount> user = users.findByUserName(userName);
        String hash = user.map(UserAccount::passwordHash).orElse(unknownUserHash);
        boolean passwordMatches = passwordEncoder.matches(password, hash);
        if (user.isEmpty() || !passwordMatches) {
            log.warn("SEC-0001 login failed: unknown user or wrong password user={} ip={}", LogSafe.text(userName), address);
            throw ApiError.BAD_CREDENTIALS.exception();
        }

        UserAccount account = user.get();
        Optional<Organization> organization = organizationName == null || organizationName.isBlank()
                ? organizations.findById(account.defaultOrgId())
                : organizations.findByName(organizationName.strip());
        Optional<SmaPrincipal> principal = organization.flatMap(org -> principals.create(account, org,
                clock.instant(), account.totpEnabled() || org.requireTwoFactor()));
        if (principal.isEmpty()) {
            log.warn("SEC-0002 login failed: organization unknown or not the user's user={} org={} ip={}",
                    LogSafe.text(userName), LogSafe.text(organizationName), address);
            throw ApiError.BAD_CREDENTIALS.exception();
        }
        return principal.get();
    }
}
