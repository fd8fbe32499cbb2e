package org.opensma.account;

/** Role of a user in one organization. */
public enum Role {
    /** Every action on every record of the organization. */
    ADMIN,
    /** Every query, no change. */
    READ_ONLY_ADMIN,
    /** Every query, limited to the user's own records. */
    STANDARD,
    /** Per module WRITE, READ or HIDDEN, as an organization's custom role defines. */
    CUSTOM;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Returns whether queries of this role return only the user's own records. */
    public boolean ownRecordsOnly() {
        return this == STANDARD;
    }
}
