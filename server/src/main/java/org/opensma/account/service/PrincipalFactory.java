package org.opensma.account.service;

import java.time.Instant;
import java.util.Optional;
import org.opensma.account.Membership;
import org.opensma.account.Organization;
import org.opensma.account.Permissions;
import org.opensma.account.Role;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.UserAccount;
import org.opensma.account.persistence.CustomRoleRepository;
import org.opensma.account.persistence.UserRepository;
import org.springframework.stereotype.Service;

/**
 * Builds the principal of a user in one organization from their membership: the role,
 * its permissions, and whether the login still needs a two-factor code. Login,
 * organization switch and context refresh all go through here.
 */
@Service
public class PrincipalFactory {

    private final UserRepository users;
    private final CustomRoleRepository customRoles;

    PrincipalFactory(UserRepository users, CustomRoleRepository customRoles) {
        this.users = users;
        this.customRoles = customRoles;
    }

    /** The principal, or empty when the user is not a member of the organization. */
    public Optional<SmaPrincipal> create(UserAccount user, Organization organization, Instant authenticatedAt,
            boolean twoFactorPending) {
        Optional<Membership> membership = users.findMembership(user.id(), organization.id());
        if (membership.isEmpty()) {
            return Optional.empty();
        }
        Role role = membership.get().role();
        String roleName = role.name();
        Permissions permissions;
        if (role == Role.CUSTOM) {
            Long customRoleId = membership.get().customRoleId();
            var customRole = customRoleId == null ? Optional.<CustomRoleRepository.CustomRole>empty()
                    : customRoles.find(organization.id(), customRoleId);
            if (customRole.isEmpty()) {
                return Optional.empty();
            }
            roleName = customRole.get().name();
            permissions = customRole.get().permissions();
        } else {
            permissions = Permissions.of(role);
        }
        return Optional.of(new SmaPrincipal(user.id(), user.userName(), user.fullName(), organization.id(),
                organization.name(), organization.timeZone().getId(), role, roleName, permissions,
                user.systemAdmin(), authenticatedAt, twoFactorPending));
    }
}
