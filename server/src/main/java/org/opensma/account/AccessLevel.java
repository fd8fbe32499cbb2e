package org.opensma.account;

/** Access a role grants in one module, ordered from none to full. */
public enum AccessLevel {
    /** The module's routes return 403. */
    HIDDEN,
    /** Queries only. */
    READ,
    /** Queries and changes. */
    WRITE;

    public boolean allows(AccessLevel required) {
        return compareTo(required) >= 0;
    }
}
