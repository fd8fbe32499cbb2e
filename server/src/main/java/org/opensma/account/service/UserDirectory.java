package org.opensma.account.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opensma.account.AccessLevel;
import org.opensma.account.Module;
import org.opensma.account.Organization;
import org.opensma.account.Permissions;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.UserAccount;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.UserRepository;
import org.opensma.platform.web.ApiError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bare objects of {@code /api/users/me} and {@code /api/users/{id}/permissions}. */
@Service
public class UserDirectory {

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PrincipalFactory principals;

    UserDirectory(UserRepository users, OrganizationRepository organizations, PrincipalFactory principals) {
        this.users = users;
        this.organizations = organizations;
        this.principals = principals;
    }

    /**
     * Returns the current user with the keys KACE clients read. The permissions are those of the
     * session; {@code orgs} maps the id of each organization the user belongs to to its name.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> me(SmaPrincipal caller) {
        UserAccount account = users.findById(caller.userId()).orElseThrow(ApiError.NOT_AUTHENTICATED::exception);
        Map<String, String> orgs = new LinkedHashMap<>();
        for (Organization organization : organizations.findByMember(caller.userId())) {
            orgs.put(String.valueOf(organization.id()), organization.name());
        }
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("userId", caller.userId());
        me.put("permissions", caller.permissions().asKeys());
        putTicketFlags(me, caller.permissions());
        me.put("licensedFeatures", Map.of());
        me.put("supportAvailable", 1);
        me.put("deviceScope", Map.of());
        me.put("loggedin", caller.userName());
        me.put("loggedinId", caller.userId());
        me.put("loggedinEmail", account.email());
        me.put("loggedinFullName", account.fullName());
        me.put("orgs", orgs);
        me.put("currentOrgId", caller.orgId());
        me.put("serialNumber", "");
        me.put("localTimezone", caller.orgTimeZone());
        me.put("RESTAPIVersion", 1);
        me.put("defaultQueueID", 0);
        me.put("apiEnabled", 1);
        return me;
    }

    /**
     * Returns the permissions a member of the caller's organization has there. A caller limited
     * to their own records may only read their own.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> permissions(SmaPrincipal caller, long userId) {
        UserAccount account = users.findMembership(userId, caller.orgId()).flatMap(m -> users.findById(userId))
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("User " + userId + " not found"));
        if (caller.role().ownRecordsOnly() && userId != caller.userId()) {
            throw ApiError.ACCESS_DENIED.exception("reading the permissions of other users");
        }
        Organization organization = organizations.findById(caller.orgId()).orElseThrow();
        SmaPrincipal member = principals.create(account, organization, caller.authenticatedAt(), false)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("User " + userId + " not found"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("userId", userId);
        result.put("userName", account.userName());
        result.put("role", member.roleName());
        result.put("Permissions", member.permissions().asKeys());
        putTicketFlags(result, member.permissions());
        result.put("currentOrgId", caller.orgId());
        return result;
    }

    /** KACE shows "True" or "False"; a user may submit tickets unless the service desk is hidden from them. */
    private static void putTicketFlags(Map<String, Object> target, Permissions permissions) {
        String canAdd = permissions.level(Module.SERVICE_DESK) == AccessLevel.HIDDEN ? "False" : "True";
        target.put("canAddTickets", canAdd);
        target.put("canAddTicketsUserPortal", canAdd);
    }
}
