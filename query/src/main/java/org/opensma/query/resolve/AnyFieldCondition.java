package org.opensma.query.resolve;

import java.util.List;
import java.util.Objects;

import org.opensma.query.model.FieldDefinition;
import org.opensma.query.syntax.Operator;

/**
 * Wildcard filter {@code * op value} over the text fields of one entity. A positive operator
 * holds when at least one field matches. A negative operator holds when no field matches its
 * positive form.
 */
public record AnyFieldCondition(List<FieldDefinition> fields, Operator operator, String value) implements Condition {

    public AnyFieldCondition {
        fields = List.copyOf(fields);
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
    }
}
