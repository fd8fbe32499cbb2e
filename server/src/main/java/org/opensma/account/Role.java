package org.opensma.account;

/** The built-in KACE roles a user holds in one organization. */
public enum Role {
    /** Every action on every record of the organization. */
    ADMIN,
    /** Every query, no change. */
    READ_ONLY_ADMIN,
    /** Every query, limited to the user's own records. */
    STANDARD;

    public String authority() {
        return "ROLE_" + name();
    }
}
