package org.opensma.account;

/**
 * Published inside the transaction that creates an organization, so that features can
 * give it their starting data (the service desk seeds its first queue) in the same commit.
 */
public record OrganizationCreatedEvent(long orgId) {
}
