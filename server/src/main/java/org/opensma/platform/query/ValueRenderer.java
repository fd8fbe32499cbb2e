package org.opensma.platform.query;

import java.time.ZoneId;
import org.opensma.query.model.FieldDefinition;

/**
 * Turns a column value into what the API shows: a String, a Number, or null to leave
 * the key out. Entities differ: inventory shows every value as a string, while assets
 * and tickets use numbers for ids.
 */
@FunctionalInterface
public interface ValueRenderer {

    Object render(FieldDefinition field, Object value, ZoneId zone);
}
