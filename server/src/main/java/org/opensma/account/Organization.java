package org.opensma.account;

import java.time.ZoneId;

/**
 * An organization: a tenant whose data no other organization sees.
 *
 * @param requireTwoFactor whether every login into it needs a two-factor code
 */
public record Organization(long id, String name, ZoneId timeZone, boolean requireTwoFactor) {
}
