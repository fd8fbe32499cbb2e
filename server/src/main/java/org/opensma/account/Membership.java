package org.opensma.account;

/** A user's role in one organization; {@code customRoleId} is set only for {@link Role#CUSTOM}. */
public record Membership(long userId, long orgId, Role role, Long customRoleId) {
}
