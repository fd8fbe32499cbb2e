package org.opensma.account;

/** A user as stored; the password is only ever held as its adaptive hash. */
public record UserAccount(long id, String userName, String fullName, String email, String passwordHash,
        long defaultOrgId) {
}
