package org.opensma.account;

import java.io.Serializable;
import java.security.Principal;
import java.time.ZoneId;

/**
 * The logged-in user of a session and the organization the session works in. It is
 * stored in the session, so every server process sharing the database sees the same.
 */
public record SmaPrincipal(long userId, String userName, String fullName, long orgId, String orgName,
        String orgTimeZone, Role role) implements Principal, Serializable {

    /** The user name; Spring Session indexes sessions by it, so all of a user's sessions can be found. */
    @Override
    public String getName() {
        return userName;
    }

    /** The organization's time zone, in which the API shows and reads times. */
    public ZoneId zone() {
        return ZoneId.of(orgTimeZone);
    }
}
