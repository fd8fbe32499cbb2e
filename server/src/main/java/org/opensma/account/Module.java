package org.opensma.account;

/**
 * The modules a role grants access to, with the key each has in the {@code permissions}
 * object of {@code /api/users/me}. Clients read {@code permissions.helpdesk} to tell
 * service-desk administrators from users, so the service desk keeps that key.
 */
public enum Module {
    INVENTORY("inventory"),
    ASSET("asset"),
    SERVICE_DESK("helpdesk"),
    MANAGED_INSTALL("managed_install"),
    SCRIPTING("scripting"),
    REPORTING("reporting"),
    USERS("users"),
    SETTINGS("settings");

    private final String key;

    Module(String key) {
        this.key = key;
    }

    /** Returns the key in the permissions object of the API. */
    public String key() {
        return key;
    }

    /** Returns the column of this module in the custom_role table. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
