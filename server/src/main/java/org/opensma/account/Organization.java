package org.opensma.account;

import java.time.ZoneId;

/** An organization: a tenant whose data no other organization sees. */
public record Organization(long id, String name, ZoneId timeZone) {
}
