package org.opensma.account;

/** What a role may do in one module, from nothing to everything. */
public enum AccessLevel {
    /** The module's routes answer 403. */
    HIDDEN,
    /** Queries only. */
    READ,
    /** Queries and changes. */
    WRITE;

    public boolean allows(AccessLevel required) {
        return compareTo(required) >= 0;
    }
}
