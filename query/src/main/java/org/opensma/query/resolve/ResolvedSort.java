package org.opensma.query.resolve;

import java.util.Objects;

import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.RelationDefinition;

/**
 * Sort key on a field of the base entity ({@code relation} null) or of a related entity.
 */
public record ResolvedSort(RelationDefinition relation, FieldDefinition field, boolean descending) {

    public ResolvedSort {
        Objects.requireNonNull(field, "field");
    }
}
