package org.opensma.account.service;

import java.util.List;
import org.opensma.account.Organization;
import org.opensma.account.OrganizationCreatedEvent;
import org.opensma.account.Role;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.UserAccount;
import org.opensma.account.persistence.AgentTokenRepository;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.UserRepository;
import org.opensma.account.persistence.UserRepository.UserName;
import org.opensma.audit.AuditEventType;
import org.opensma.audit.AuditLog;
import org.opensma.platform.security.Sessions;
import org.opensma.platform.web.ApiError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists, creates, renames and deletes organizations. Every change needs a system
 * administrator ({@code app_user.system_admin}), read from the database rather than
 * from the session, so a revoked flag takes effect at once.
 */
@Service
public class OrganizationService {

    static final int MAX_NAME_LENGTH = 100;

    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final AgentTokenRepository agentTokens;
    private final Sessions sessions;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;

    public OrganizationService(OrganizationRepository organizations, UserRepository users,
            AgentTokenRepository agentTokens, Sessions sessions, AuditLog auditLog,
            ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.users = users;
        this.agentTokens = agentTokens;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.events = events;
    }

    /** A new organization and its agent token, which is shown only this once. */
    public record CreatedOrganization(Organization organization, String agentToken) {
    }

    /** Returns the organizations the caller belongs to, or every organization for a system administrator. */
    @Transactional(readOnly = true)
    public List<Organization> visibleTo(SmaPrincipal caller) {
        boolean systemAdmin = users.findById(caller.userId()).map(UserAccount::systemAdmin).orElse(false);
        return systemAdmin ? organizations.findAll() : organizations.findByMember(caller.userId());
    }

    /**
     * Creates an organization with its agent token. A logged-in creator becomes its
     * administrator; the admin command creates it without members.
     */
    @Transactional
    public CreatedOrganization create(Actor actor, String name) {
        requireSystemAdmin(actor, "creating organizations");
        String checkedName = checkName(name);
        if (organizations.findByName(checkedName).isPresent()) {
            throw ApiError.CONFLICT.exception("An organization named '" + checkedName + "' exists already");
        }
        long id = organizations.insert(checkedName);
        if (!actor.isAdminCommand()) {
            users.addMembership(actor.userId(), id, Role.ADMIN, null);
        }
        String token = Secrets.random(24);
        agentTokens.create(id, Secrets.sha256(token));
        events.publishEvent(new OrganizationCreatedEvent(id));
        auditLog.record(AuditEventType.ORGANIZATION_CREATED, id, actor.userId(), actor.userName(), actor.address(),
                "organization '" + checkedName + "' id=" + id);
        return new CreatedOrganization(organizations.findById(id).orElseThrow(), token);
    }

    @Transactional
    public Organization rename(Actor actor, long id, String name) {
        requireSystemAdmin(actor, "renaming organizations");
        Organization organization = find(id);
        String checkedName = checkName(name);
        organizations.findByName(checkedName).filter(other -> other.id() != id).ifPresent(other -> {
            throw ApiError.CONFLICT.exception("An organization named '" + checkedName + "' exists already");
        });
        organizations.rename(id, checkedName);
        auditLog.record(AuditEventType.ORGANIZATION_RENAMED, id, actor.userId(), actor.userName(), actor.address(),
                "'" + organization.name() + "' renamed to '" + checkedName + "'");
        return organizations.findById(id).orElseThrow();
    }

    /**
     * Deletes an organization with its memberships, custom roles, agent tokens and
     * inventory. Members who belong to no other organization are deleted too; the others
     * get another default organization. Members' sessions that work in it end.
     */
    @Transactional
    public void delete(Actor actor, long id) {
        requireSystemAdmin(actor, "deleting organizations");
        Organization organization = find(id);
        if (!actor.isAdminCommand() && actor.principal().orgId() == id) {
            throw ApiError.CONFLICT.exception("Organization '" + organization.name()
                    + "' is the one this session works in; switch to another organization before deleting it");
        }
        if (organizations.count() <= 1) {
            throw ApiError.CONFLICT.exception("Organization '" + organization.name()
                    + "' is the last one; the server needs at least one organization");
        }

        List<UserName> members = users.members(id);
        int deletedUsers = 0;
        for (UserName member : members) {
            users.removeMembership(member.id(), id);
            List<Long> remaining = users.membershipOrgIds(member.id());
            if (remaining.isEmpty()) {
                users.delete(member.id());
                sessions.endAll(member.id(), member.userName());
                deletedUsers++;
                continue;
            }
            if (users.findById(member.id()).orElseThrow().defaultOrgId() == id) {
                users.setDefaultOrg(member.id(), remaining.getFirst());
            }
            sessions.endAllInOrganization(member.id(), member.userName(), id);
        }
        organizations.delete(id);
        auditLog.record(AuditEventType.ORGANIZATION_DELETED, id, actor.userId(), actor.userName(), actor.address(),
                "organization '" + organization.name() + "' deleted with " + members.size() + " memberships; "
                        + deletedUsers + " users without another organization deleted");
    }

    private Organization find(long id) {
        return organizations.findById(id)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Organization " + id + " not found"));
    }

    private void requireSystemAdmin(Actor actor, String action) {
        if (actor.isAdminCommand()) {
            return;
        }
        boolean systemAdmin = users.findById(actor.userId()).map(UserAccount::systemAdmin).orElse(false);
        if (!systemAdmin) {
            throw ApiError.ACCESS_DENIED.exception(action + ": only system administrators may");
        }
    }

    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiError.INVALID_BODY.exception("name is required and must not be blank");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw ApiError.INVALID_BODY.exception("name has " + stripped.length() + " characters; the maximum is "
                    + MAX_NAME_LENGTH);
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw ApiError.INVALID_BODY.exception("name must not contain control characters");
        }
        return stripped;
    }
}
