package org.opensma.account;

import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The logged-in user of a session and the organization the session works in. It is
 * stored in the session, so every server process sharing the database reads the same principal.
 *
 * @param roleName the built-in role's name, or the custom role's name
 * @param systemAdmin whether the user may create, rename and delete organizations
 * @param authenticatedAt when the password was checked; the absolute session timeout counts from it
 * @param twoFactorPending whether the login still waits for a two-factor code; until then only
 *     verify_2factor, enrolment and logout are allowed
 */
public record SmaPrincipal(long userId, String userName, String fullName, long orgId, String orgName,
        String orgTimeZone, Role role, String roleName, Permissions permissions, boolean systemAdmin,
        Instant authenticatedAt, boolean twoFactorPending) implements Principal, Serializable {

    /** Returns the user name, by which Spring Session indexes sessions so that all of a user's sessions can be found. */
    @Override
    public String getName() {
        return userName;
    }

    /** Returns the organization's time zone, in which the API renders and parses times. */
    public ZoneId zone() {
        return ZoneId.of(orgTimeZone);
    }

    /** Returns the same login with its two-factor step completed. */
    public SmaPrincipal withTwoFactorDone() {
        return new SmaPrincipal(userId, userName, fullName, orgId, orgName, orgTimeZone, role, roleName,
                permissions, systemAdmin, authenticatedAt, false);
    }
}
