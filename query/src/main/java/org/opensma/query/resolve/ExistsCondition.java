package org.opensma.query.resolve;

import java.util.Objects;

import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.RelationDefinition;

/** Existence test {@code relation ex} (at least one related row) or {@code relation nex} (none, when negated). */
public record ExistsCondition(RelationDefinition relation, EntityDefinition target, boolean negated)
        implements Condition {

    public ExistsCondition {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(target, "target");
    }
}
