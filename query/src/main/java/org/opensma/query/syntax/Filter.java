package org.opensma.query.syntax;

import java.util.List;
import java.util.Objects;

/**
 * One filter of the {@code filtering} parameter.
 *
 * @param values no value for {@code ex}/{@code nex}, one or more for {@code in}/{@code nin},
 *               exactly one otherwise
 */
public record Filter(FieldRef field, Operator operator, List<String> values) {

    public Filter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
        if (!arityFits(operator, values.size())) {
            throw new IllegalArgumentException("Operator " + operator.token() + " cannot take " + values.size() + " values");
        }
    }

    private static boolean arityFits(Operator operator, int count) {
        if (operator.takesNoValue()) {
            return count == 0;
        }
        if (operator.takesList()) {
            return count > 0;
        }
        return count == 1;
    }

    /** Returns the single value of an operator that is neither a list nor an existence test. */
    public String value() {
        if (values.size() != 1) {
            throw new IllegalStateException("Operator " + operator.token() + " does not take a single value");
        }
        return values.get(0);
    }

    /** Returns the filter in the canonical syntax, which {@link QueryParser} parses back to an equal filter. */
    @Override
    public String toString() {
        String head = field + " " + operator.token();
        if (operator.takesNoValue()) {
            return head;
        }
        if (operator.takesList()) {
            return head + " (" + String.join(";", values) + ")";
        }
        return head + " " + values.get(0);
    }
}
