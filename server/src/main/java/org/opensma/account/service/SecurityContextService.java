package org.opensma.account.service;

import org.opensma.account.Organization;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.UserAccount;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.UserRepository;
import org.opensma.platform.web.ApiError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the principal a session continues with after an organization switch or a
 * context refresh. The login time and the two-factor state carry over, so a switch
 * neither extends the absolute session timeout nor skips a pending two-factor step.
 */
@Service
public class SecurityContextService {

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PrincipalFactory principals;

    SecurityContextService(UserRepository users, OrganizationRepository organizations, PrincipalFactory principals) {
        this.users = users;
        this.organizations = organizations;
        this.principals = principals;
    }

    /**
     * Builds the caller's principal in another organization. An organization the caller does not belong to
     * is a 404 like one that does not exist, so ids of other tenants reveal nothing.
     */
    @Transactional(readOnly = true)
    public SmaPrincipal switchTo(SmaPrincipal caller, long orgId) {
        Organization organization = organizations.findById(orgId)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Organization " + orgId
                        + " not found among the organizations of user " + caller.userName()));
        return principals.create(currentAccount(caller), organization, caller.authenticatedAt(),
                        caller.twoFactorPending())
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Organization " + orgId
                        + " not found among the organizations of user " + caller.userName()));
    }

    /** Reloads the caller from the database, with their current role and permissions. */
    @Transactional(readOnly = true)
    public SmaPrincipal reload(SmaPrincipal caller) {
        Organization organization = organizations.findById(caller.orgId())
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Organization " + caller.orgId()
                        + " no longer exists; log in again"));
        return principals.create(currentAccount(caller), organization, caller.authenticatedAt(),
                        caller.twoFactorPending())
                .orElseThrow(() -> ApiError.ACCESS_DENIED.exception("working in organization '"
                        + organization.name() + "': user " + caller.userName() + " is no longer a member of it"));
    }

    private UserAccount currentAccount(SmaPrincipal caller) {
        return users.findById(caller.userId()).orElseThrow(ApiError.NOT_AUTHENTICATED::exception);
    }
}
