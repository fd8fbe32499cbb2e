package org.opensma.account.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opensma.account.Membership;
import org.opensma.account.Organization;
import org.opensma.account.Role;
import org.opensma.account.SmaPrincipal;
import org.opensma.account.UserAccount;
import org.opensma.account.persistence.CustomRoleRepository;
import org.opensma.account.persistence.CustomRoleRepository.CustomRole;
import org.opensma.account.persistence.OrganizationRepository;
import org.opensma.account.persistence.UserRepository;
import org.opensma.audit.AuditEventType;
import org.opensma.audit.AuditLog;
import org.opensma.platform.security.Sessions;
import org.opensma.platform.web.ApiError;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and removes the users of the caller's organization. A password or
 * role change ends every session of the user, because the role and its permissions are
 * stored in the session. A user who also belongs to another organization, or who is a
 * system administrator, keeps their password and profile unless a system administrator
 * changes them: an organization's administrator must not take over accounts that reach
 * beyond their organization.
 */
@Service
public class UserService {

    static final int MAX_USER_NAME_LENGTH = 100;
    static final int MAX_TEXT_LENGTH = 200;

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final CustomRoleRepository customRoles;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final Sessions sessions;
    private final AuditLog auditLog;
    private final Clock clock;

    public UserService(UserRepository users, OrganizationRepository organizations, CustomRoleRepository customRoles,
            PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, Sessions sessions, AuditLog auditLog,
            Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.customRoles = customRoles;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A role as a membership stores it. */
    record ResolvedRole(Role role, Long customRoleId, String name) {
    }

    /**
     * Creates the users in the caller's organization, all or none. A system administrator
     * may name an existing user of another organization without a password, which adds
     * that user to this organization.
     */
    @Transactional
    public List<Long> create(SmaPrincipal caller, List<UserChange> changes, String address) {
        if (changes.isEmpty()) {
            throw ApiError.INVALID_BODY.exception("Users must contain at least one user");
        }
        Set<String> namesInBody = new HashSet<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            UserChange change = changes.get(i);
            String userName = checkUserName(change.userName(), i);
            if (!namesInBody.add(userName.toLowerCase(Locale.ROOT))) {
                throw ApiError.INVALID_BODY.exception("Users[" + i + "].user_name '" + userName
                        + "' appears twice in the body");
            }
            ids.add(createOne(Actor.user(caller, address), caller.orgId(), userName, change, false));
        }
        return ids;
    }

    /**
     * Creates a user in an organization, or adds an existing user to it, for the admin
     * command; {@code systemAdmin} also grants the right to manage organizations.
     */
    @Transactional
    public long createFromAdminCommand(String orgName, String userName, String role, boolean systemAdmin,
            String password) {
        Organization organization = organizations.findByName(orgName)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Organization '" + orgName + "' not found"));
        String checkedName = checkUserName(userName, 0);
        long id = createOne(Actor.adminCommand(), organization.id(), checkedName,
                new UserChange(checkedName, null, null, password, role), true);
        if (systemAdmin) {
            users.setSystemAdmin(id, true);
        }
        return id;
    }

    private long createOne(Actor actor, long orgId, String userName, UserChange change, boolean adminCommand) {
        ResolvedRole role = resolveRole(orgId, change.role() == null ? Role.STANDARD.name() : change.role());
        Optional<UserAccount> existing = users.findByUserName(userName);
        boolean mayAddExisting = adminCommand || isSystemAdmin(actor.principal());
        if (existing.isPresent()) {
            if (!mayAddExisting) {
                throw ApiError.CONFLICT.exception("User name '" + userName + "' is taken");
            }
            return addExisting(actor, orgId, existing.get(), change, role);
        }
        if (change.password() == null) {
            throw ApiError.INVALID_BODY.exception("password is required for the new user '" + userName + "'");
        }
        passwordPolicy.check(userName, change.password());
        LocalDateTime now = LocalDateTime.now(clock);
        long id = users.insert(userName, checkText(change.fullName(), "full_name"), checkEmail(change.email()),
                passwordEncoder.encode(change.password()), orgId, now);
        users.addMembership(id, orgId, role.role(), role.customRoleId());
        auditLog.record(AuditEventType.USER_CREATED, orgId, actor.userId(), actor.userName(), actor.address(),
                "user '" + userName + "' id=" + id + " role " + role.name());
        return id;
    }

    private long addExisting(Actor actor, long orgId, UserAccount user, UserChange change, ResolvedRole role) {
        if (users.findMembership(user.id(), orgId).isPresent()) {
            throw ApiError.CONFLICT.exception("User '" + user.userName() + "' is already a member of this organization");
        }
        if (change.fullName() != null || change.email() != null) {
            throw ApiError.INVALID_BODY.exception("user '" + user.userName() + "' exists already; send only"
                    + " user_name and role to add them to this organization");
        }
        users.addMembership(user.id(), orgId, role.role(), role.customRoleId());
        auditLog.record(AuditEventType.USER_CREATED, orgId, actor.userId(), actor.userName(), actor.address(),
                "existing user '" + user.userName() + "' id=" + user.id() + " added with role " + role.name());
        if (change.password() != null) {
            applyPassword(actor, orgId, user, change.password());
        }
        return user.id();
    }

    /** Changes a member of the caller's organization; absent fields stay as they are. */
    @Transactional
    public void update(SmaPrincipal caller, long userId, UserChange change, String address) {
        Actor actor = Actor.user(caller, address);
        UserAccount user = findMember(caller, userId);
        if (change.userName() != null && !change.userName().equalsIgnoreCase(user.userName())) {
            throw ApiError.INVALID_BODY.exception("user_name cannot be changed; create a new user instead");
        }
        boolean profileChange = change.fullName() != null || change.email() != null;
        if (profileChange || change.password() != null) {
            requireAccountControl(caller, user);
        }
        if (profileChange) {
            String fullName = change.fullName() == null ? user.fullName() : checkText(change.fullName(), "full_name");
            String email = change.email() == null ? user.email() : checkEmail(change.email());
            users.updateProfile(userId, fullName, email, LocalDateTime.now(clock));
            auditLog.record(AuditEventType.USER_UPDATED, caller.orgId(), caller.userId(), caller.userName(), address,
                    "user '" + user.userName() + "' id=" + userId + " full_name or email changed");
        }
        if (change.role() != null) {
            changeRole(actor, caller.orgId(), user, resolveRole(caller.orgId(), change.role()));
        }
        if (change.password() != null) {
            applyPassword(actor, caller.orgId(), user, change.password());
        }
    }

    /**
     * Removes a member from the caller's organization, and deletes the user when it was
     * their last organization. Callers cannot remove themselves or the last administrator.
     */
    @Transactional
    public void delete(SmaPrincipal caller, long userId, String address) {
        UserAccount user = findMember(caller, userId);
        if (userId == caller.userId()) {
            throw ApiError.INVALID_PARAMETER.exception(String.valueOf(userId), "user id",
                    "you cannot delete yourself; ask another administrator");
        }
        Membership membership = users.findMembership(userId, caller.orgId()).orElseThrow();
        if (membership.role() == Role.ADMIN) {
            requireAnotherAdmin(caller.orgId(), user, "deleted");
        }
        if (user.systemAdmin() && !isSystemAdmin(caller)) {
            throw ApiError.ACCESS_DENIED.exception("deleting user '" + user.userName()
                    + "': only system administrators may delete a system administrator");
        }
        users.removeMembership(userId, caller.orgId());
        List<Long> remaining = users.membershipOrgIds(userId);
        String outcome;
        if (remaining.isEmpty()) {
            users.delete(userId);
            sessions.endAll(userId, user.userName());
            outcome = "deleted";
        } else {
            if (user.defaultOrgId() == caller.orgId()) {
                users.setDefaultOrg(userId, remaining.getFirst());
            }
            sessions.endAllInOrganization(userId, user.userName(), caller.orgId());
            outcome = "removed from the organization; still a member of " + remaining.size() + " others";
        }
        auditLog.record(AuditEventType.USER_DELETED, caller.orgId(), caller.userId(), caller.userName(), address,
                "user '" + user.userName() + "' id=" + userId + " " + outcome);
    }

    /** Returns whether a user of that name exists in any organization. */
    @Transactional(readOnly = true)
    public boolean exists(String userName) {
        return users.findByUserName(userName).isPresent();
    }

    /** Sets a new password for the admin command, ends the user's sessions and returns the user. */
    @Transactional
    public UserAccount resetPasswordFromAdminCommand(String userName, String password) {
        UserAccount user = users.findByUserName(userName)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("User '" + userName + "' not found"));
        applyPassword(Actor.adminCommand(), null, user, password);
        return user;
    }

    /** Removes the user's authenticator for the admin command and ends their sessions. */
    @Transactional
    public UserAccount resetTwoFactorFromAdminCommand(String userName) {
        UserAccount user = users.findByUserName(userName)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("User '" + userName + "' not found"));
        users.resetTwoFactor(user.id());
        sessions.endAll(user.id(), user.userName());
        auditLog.record(AuditEventType.TWO_FACTOR_RESET, null, user.id(), Actor.ADMIN_COMMAND, "console",
                "two-factor authentication of '" + user.userName() + "' reset; the next login enrols anew");
        return user;
    }

    private void applyPassword(Actor actor, Long orgId, UserAccount user, String password) {
        passwordPolicy.check(user.userName(), password);
        users.updatePassword(user.id(), passwordEncoder.encode(password), LocalDateTime.now(clock));
        sessions.endAll(user.id(), user.userName());
        auditLog.record(AuditEventType.PASSWORD_CHANGED, orgId, actor.userId(), actor.userName(), actor.address(),
                "password of '" + user.userName() + "' id=" + user.id() + " changed; their sessions ended");
    }

    private void changeRole(Actor actor, long orgId, UserAccount user, ResolvedRole role) {
        Membership current = users.findMembership(user.id(), orgId).orElseThrow();
        if (current.role() == role.role() && java.util.Objects.equals(current.customRoleId(), role.customRoleId())) {
            return;
        }
        if (current.role() == Role.ADMIN) {
            requireAnotherAdmin(orgId, user, "given another role");
        }
        users.updateMembership(user.id(), orgId, role.role(), role.customRoleId());
        sessions.endAll(user.id(), user.userName());
        auditLog.record(AuditEventType.ROLE_CHANGED, orgId, actor.userId(), actor.userName(), actor.address(),
                "role of '" + user.userName() + "' id=" + user.id() + " changed from " + current.role()
                        + " to " + role.name() + "; their sessions ended");
    }

    private void requireAnotherAdmin(long orgId, UserAccount user, String action) {
        boolean another = users.members(orgId).stream()
                .filter(member -> member.id() != user.id())
                .anyMatch(member -> users.findMembership(member.id(), orgId)
                        .map(m -> m.role() == Role.ADMIN).orElse(false));
        if (!another) {
            throw ApiError.CONFLICT.exception("User '" + user.userName() + "' is the last administrator of this"
                    + " organization and cannot be " + action + "; make another user ADMIN first");
        }
    }

    private void requireAccountControl(SmaPrincipal caller, UserAccount user) {
        if (user.id() == caller.userId() || isSystemAdmin(caller)) {
            return;
        }
        if (user.systemAdmin()) {
            throw ApiError.ACCESS_DENIED.exception("changing the password or profile of system administrator '"
                    + user.userName() + "': only system administrators may");
        }
        if (users.membershipOrgIds(user.id()).size() > 1) {
            throw ApiError.ACCESS_DENIED.exception("changing the password or profile of '" + user.userName()
                    + "', who also belongs to other organizations: only system administrators may");
        }
    }

    /** Resolves the role named in a body: a built-in role, or a custom role of the organization. */
    ResolvedRole resolveRole(long orgId, String name) {
        String stripped = name.strip();
        for (Role role : Role.values()) {
            if (role != Role.CUSTOM && role.name().equalsIgnoreCase(stripped)) {
                return new ResolvedRole(role, null, role.name());
            }
        }
        Optional<CustomRole> custom = customRoles.findByName(orgId, stripped);
        if (custom.isEmpty()) {
            List<String> known = new ArrayList<>(List.of("ADMIN", "READ_ONLY_ADMIN", "STANDARD"));
            customRoles.findAll(orgId).forEach(role -> known.add(role.name()));
            throw ApiError.INVALID_BODY.exception("role '" + stripped + "' is unknown; use one of " + known);
        }
        return new ResolvedRole(Role.CUSTOM, custom.get().id(), custom.get().name());
    }

    private UserAccount findMember(SmaPrincipal caller, long userId) {
        if (users.findMembership(userId, caller.orgId()).isEmpty()) {
            throw ApiError.NOT_FOUND.exception("User " + userId + " not found");
        }
        return users.findById(userId).orElseThrow();
    }

    private boolean isSystemAdmin(SmaPrincipal caller) {
        return caller != null && users.findById(caller.userId()).map(UserAccount::systemAdmin).orElse(false);
    }

    private static String checkUserName(String userName, int index) {
        if (userName == null || userName.isBlank()) {
            throw ApiError.INVALID_BODY.exception("Users[" + index + "].user_name is required");
        }
        if (userName.length() > MAX_USER_NAME_LENGTH) {
            throw ApiError.INVALID_BODY.exception("user_name has " + userName.length()
                    + " characters; the maximum is " + MAX_USER_NAME_LENGTH);
        }
        if (userName.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw ApiError.INVALID_BODY.exception("user_name '" + userName.strip()
                    + "' must not contain spaces or control characters");
        }
        return userName;
    }

    private static String checkText(String value, String field) {
        if (value == null) {
            return "";
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw ApiError.INVALID_BODY.exception(field + " has " + value.length() + " characters; the maximum is "
                    + MAX_TEXT_LENGTH);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ApiError.INVALID_BODY.exception(field + " must not contain control characters");
        }
        return value.strip();
    }

    private static String checkEmail(String email) {
        String value = checkText(email, "email");
        if (!value.isEmpty() && !value.matches("[^@\\s]+@[^@\\s]+")) {
            throw ApiError.INVALID_BODY.exception("email '" + value + "' is not an e-mail address of the form"
                    + " name@domain");
        }
        return value;
    }
}
