package org.opensma.account.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.opensma.account.AccessLevel;
import org.opensma.account.Module;
import org.opensma.account.Permissions;
import org.opensma.account.Role;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.persistence.CustomRoleRepository;
import org.opensma.account.persistence.CustomRoleRepository.CustomRole;
import org.opensma.account.persistence.UserRepository;
import org.opensma.account.persistence.UserRepository.UserName;
import org.opensma.audit.AuditEventType;
import org.opensma.audit.AuditLog;
import org.opensma.platform.security.Sessions;
import org.opensma.platform.web.ApiError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custom roles of the caller's organization. A change to a role ends the sessions of
 * its members, because their permissions are stored in the session.
 */
@Service
public class RoleService {

    static final int MAX_NAME_LENGTH = 100;

    private final CustomRoleRepository roles;
    private final UserRepository users;
    private final Sessions sessions;
    private final AuditLog auditLog;

    RoleService(CustomRoleRepository roles, UserRepository users, Sessions sessions, AuditLog auditLog) {
        this.roles = roles;
        this.users = users;
        this.sessions = sessions;
        this.auditLog = auditLog;
    }

    /**
     * One role of a create or update body.
     *
     * @param levels the modules the body names; on create the others are HIDDEN, on update
     *     they stay as they are
     */
    public record RoleChange(String name, Map<Module, AccessLevel> levels) {
    }

    @Transactional(readOnly = true)
    public List<CustomRole> list(SmaPrincipal caller) {
        return roles.findAll(caller.orgId());
    }

    @Transactional(readOnly = true)
    public CustomRole get(SmaPrincipal caller, long roleId) {
        return find(caller, roleId);
    }

    /** Creates the roles, all or none, and returns their ids. */
    @Transactional
    public List<Long> create(SmaPrincipal caller, List<RoleChange> changes, String address) {
        if (changes.isEmpty()) {
            throw ApiError.INVALID_BODY.exception("Roles must contain at least one role");
        }
        return changes.stream().map(change -> {
            String name = checkName(change.name());
            if (roles.findByName(caller.orgId(), name).isPresent()) {
                throw ApiError.CONFLICT.exception("A role named '" + name + "' exists already");
            }
            Permissions permissions = new Permissions(change.levels());
            long id = roles.insert(caller.orgId(), name, permissions);
            auditLog.record(AuditEventType.PERMISSIONS_CHANGED, caller, address,
                    "custom role '" + name + "' id=" + id + " created with " + permissions.asKeys());
            return id;
        }).toList();
    }

    /** Changes a role and ends the sessions of its members. */
    @Transactional
    public void update(SmaPrincipal caller, long roleId, RoleChange change, String address) {
        CustomRole role = find(caller, roleId);
        String name = change.name() == null ? role.name() : checkName(change.name());
        roles.findByName(caller.orgId(), name).filter(other -> other.id() != roleId).ifPresent(other -> {
            throw ApiError.CONFLICT.exception("A role named '" + name + "' exists already");
        });
        Map<Module, AccessLevel> levels = new EnumMap<>(role.permissions().levels());
        levels.putAll(change.levels());
        Permissions permissions = new Permissions(levels);
        roles.update(caller.orgId(), roleId, name, permissions);
        List<UserName> members = users.membersWithCustomRole(roleId);
        members.forEach(member -> sessions.endAll(member.id(), member.userName()));
        auditLog.record(AuditEventType.PERMISSIONS_CHANGED, caller, address,
                "custom role '" + role.name() + "' id=" + roleId + " now '" + name + "' with "
                        + permissions.asKeys() + "; sessions of " + members.size() + " members ended");
    }

    /** Deletes a role that no member holds. */
    @Transactional
    public void delete(SmaPrincipal caller, long roleId, String address) {
        CustomRole role = find(caller, roleId);
        int members = users.membersWithCustomRole(roleId).size();
        if (members > 0) {
            throw ApiError.CONFLICT.exception("Role '" + role.name() + "' is held by " + members
                    + " users; give them another role before deleting it");
        }
        roles.delete(caller.orgId(), roleId);
        auditLog.record(AuditEventType.PERMISSIONS_CHANGED, caller, address,
                "custom role '" + role.name() + "' id=" + roleId + " deleted");
    }

    private CustomRole find(SmaPrincipal caller, long roleId) {
        return roles.find(caller.orgId(), roleId)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Role " + roleId + " not found"));
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiError.INVALID_BODY.exception("name is required and must not be blank");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw ApiError.INVALID_BODY.exception("name has " + stripped.length() + " characters; the maximum is "
                    + MAX_NAME_LENGTH);
        }
        for (Role builtIn : Role.values()) {
            if (builtIn.name().equalsIgnoreCase(stripped)) {
                throw ApiError.INVALID_BODY.exception("name '" + stripped + "' is the name of a built-in role;"
                        + " choose another");
            }
        }
        return stripped;
    }
}
