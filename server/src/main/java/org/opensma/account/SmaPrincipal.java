package org.opensma.account;

import java.io.Serializable;

/**
 * The logged-in user of a session and the organization the session works in. It is
 * stored in the session, so every server process sharing the database sees the same.
 */
public record SmaPrincipal(long userId, String userName, String fullName, long orgId, String orgName, Role role)
        implements Serializable {
}
