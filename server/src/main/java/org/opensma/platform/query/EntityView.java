package org.opensma.platform.query;

import org.opensma.query.model.EntityDefinition;

/**
 * How one declared entity is shown: its declaration, the XML element name of one
 * item, and how its values render.
 */
public record EntityView(EntityDefinition definition, String itemName, ValueRenderer renderer) {
}
