package org.opensma.account.service;

import java.util.Optional;
import org.opensma.account.Organization;
import org.opensma.account.Role;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.UserAccount;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.UserRepository;
import org.opensma.platform.web.ApiError;
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
    private final String unknownUserHash;

    LoginService(UserRepository users, OrganizationRepository organizations, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.organizations = organizations;
        this.passwordEncoder = passwordEncoder;
        this.unknownUserHash = passwordEncoder.encode(Secrets.random(16));
    }

    /** Returns the principal for valid credentials, or throws BAD_CREDENTIALS. */
    public SmaPrincipal authenticate(String userName, String password, String organizationName, String address) {
        Optional<UserAccount> user = users.findByUserName(userName);
        String hash = user.map(UserAccount::passwordHash).orElse(unknownUserHash);
        boolean passwordMatches = passwordEncoder.matches(password, hash);
        if (user.isEmpty() || !passwordMatches) {
            log.warn("SEC-0001 login failed: unknown user or wrong password user={} ip={}", userName, address);
            throw ApiError.BAD_CREDENTIALS.exception();
        }

        UserAccount account = user.get();
        Optional<Organization> organization = organizationName == null || organizationName.isBlank()
                ? organizations.findById(account.defaultOrgId())
                : organizations.findByName(organizationName.strip());
        Optional<Role> role = organization.flatMap(org -> users.findRole(account.id(), org.id()));
        if (role.isEmpty()) {
            log.warn("SEC-0002 login failed: organization unknown or not the user's user={} org={} ip={}",
                    userName, organizationName, address);
            throw ApiError.BAD_CREDENTIALS.exception();
        }

        Organization org = organization.get();
        return new SmaPrincipal(account.id(), account.userName(), account.fullName(), org.id(), org.name(),
                org.timeZone().getId(), role.get());
    }
}
