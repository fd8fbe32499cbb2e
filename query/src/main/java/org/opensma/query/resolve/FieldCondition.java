package org.opensma.query.resolve;

import java.util.List;
import java.util.Objects;

import org.opensma.query.model.FieldDefinition;
import org.opensma.query.syntax.Operator;

/**
 * Comparison of one field with typed values.
 *
 * @param values String, Long, BigDecimal or LocalDateTime after the field type: one value, or
 *               one or more for {@code in}/{@code nin}
 */
public record FieldCondition(FieldDefinition field, Operator operator, List<Object> values) implements Condition {

    public FieldCondition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
        if (operator.takesNoValue() || values.isEmpty()) {
            throw new IllegalArgumentException("A field condition needs a comparison operator and a value");
        }
    }
}
