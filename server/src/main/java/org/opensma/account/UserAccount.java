package org.opensma.account;

import java.time.LocalDateTime;

/**
 * A user as stored; the password is only ever held as its adaptive hash.
 *
 * @param totpEnabled whether logins of this user need a two-factor code
 * @param failedLogins failed password checks since the last successful login
 * @param lockedUntil UTC time until which logins are refused, or null
 */
public record UserAccount(long id, String userName, String fullName, String email, String passwordHash,
        long defaultOrgId, boolean systemAdmin, boolean totpEnabled, int failedLogins, LocalDateTime lockedUntil) {
}
