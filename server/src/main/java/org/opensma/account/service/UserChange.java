package org.opensma.account.service;

/**
 * One user of a create or update body. A null component was absent from the body: on
 * update it stays as it is, on create it takes its default.
 *
 * @param role ADMIN, READ_ONLY_ADMIN, STANDARD, or the name of a custom role of the organization
 */
public record UserChange(String userName, String fullName, String email, String password, String role) {
}
