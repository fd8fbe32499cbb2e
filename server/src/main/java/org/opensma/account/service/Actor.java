package org.opensma.account.service;

import org.opensma.account.SmaPrincipal;

/**
 * The author of a change, for the audit log and for permission checks: a logged-in user, or
 * the admin command run on the server's console.
 *
 * @param principal the logged-in user, or null for the admin command
 * @param address the client address, or {@code console} for the admin command
 */
public record Actor(SmaPrincipal principal, String address) {

    /** The user name the audit log records for the admin command. */
    public static final String ADMIN_COMMAND = "admin-command";

    public static Actor user(SmaPrincipal principal, String address) {
        return new Actor(principal, address);
    }

    public static Actor adminCommand() {
        return new Actor(null, "console");
    }

    public boolean isAdminCommand() {
        return principal == null;
    }

    Long orgId() {
        return principal == null ? null : principal.orgId();
    }

    Long userId() {
        return principal == null ? null : principal.userId();
    }

    String userName() {
        return principal == null ? ADMIN_COMMAND : principal.userName();
    }
}
