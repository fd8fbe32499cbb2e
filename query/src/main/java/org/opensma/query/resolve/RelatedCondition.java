package org.opensma.query.resolve;

import java.util.Objects;

import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.RelationDefinition;

/**
 * Filter on related rows. Without {@code negated} the base row matches when at least one related
 * row matches {@code inner}. With {@code negated} it matches when no related row matches
 * {@code inner}, so a base row without related rows matches. The inner condition always uses a
 * positive operator (rule NEG-REL-1 in {@link QueryResolver}).
 */
public record RelatedCondition(RelationDefinition relation, EntityDefinition target, Condition inner, boolean negated)
        implements Condition {

    public RelatedCondition {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(inner, "inner");
        if (inner instanceof RelatedCondition || inner instanceof ExistsCondition) {
            throw new IllegalArgumentException("A related condition compares fields of the related entity only");
        }
    }
}
