package org.opensma.query.memory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.FieldType;
import org.opensma.query.resolve.AnyFieldCondition;
import org.opensma.query.resolve.Condition;
import org.opensma.query.resolve.ExistsCondition;
import org.opensma.query.resolve.FieldCondition;
import org.opensma.query.resolve.RelatedCondition;
import org.opensma.query.resolve.ResolvedQuery;
import org.opensma.query.syntax.Operator;

/**
 * Evaluates resolved conditions against in-memory rows with the semantics the SQL must have,
 * as listed in the module's README.
 */
public final class RowMatcher implements Predicate<Row> {

    private final List<Condition> conditions;

    public RowMatcher(List<Condition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    /** Creates a matcher for all conditions of {@code query}. */
    public static RowMatcher of(ResolvedQuery query) {
        return new RowMatcher(query.conditions());
    }

    /** Returns whether every condition holds for {@code row}. */
    @Override
    public boolean test(Row row) {
        Objects.requireNonNull(row, "row");
        return conditions.stream().allMatch(condition -> matches(condition, row.values(), row));
    }

    private static boolean matches(Condition condition, Map<String, Object> values, Row row) {
        return switch (condition) {
            case FieldCondition field -> matchesField(field.field(), field.operator(), field.values(), values);
            case AnyFieldCondition any -> matchesAnyField(any, values);
            case RelatedCondition related -> matchesRelated(related, row);
            case ExistsCondition exists -> row.relatedRows(exists.relation().name()).isEmpty() == exists.negated();
        };
    }

    private static boolean matchesRelated(RelatedCondition related, Row row) {
        boolean found = row.relatedRows(related.relation().name()).stream()
                .anyMatch(relatedValues -> matches(related.inner(), relatedValues, row));
        return found != related.negated();
    }

    /** Tests a wildcard: a positive operator needs one matching field, and a negative one needs none to match its positive form. */
    private static boolean matchesAnyField(AnyFieldCondition any, Map<String, Object> values) {
        Operator positive = any.operator().positive();
        List<Object> value = List.of(any.value());
        boolean found = any.fields().stream().anyMatch(field -> matchesField(field, positive, value, values));
        return found != any.operator().isNegative();
    }

    /**
     * Compares one column with the filter values. A negative operator is the exact complement of
     * its positive form, so on NULL numbers and timestamps it matches.
     */
    private static boolean matchesField(FieldDefinition field, Operator operator, List<Object> filterValues,
            Map<String, Object> values) {
        if (operator.isNegative()) {
            return !matchesField(field, operator.positive(), filterValues, values);
        }
        Object stored = values.get(field.column());
        if (field.type() == FieldType.STRING) {
            String text = Values.text(stored);
            return filterValues.stream().anyMatch(value -> matchesText(operator, text, Values.text(value)));
        }
        Comparable<?> typed = Values.typed(field.type(), stored);
        if (typed == null) {
            return false;
        }
        return filterValues.stream()
                .anyMatch(value -> holds(operator, Values.compare(typed, Values.typed(field.type(), value))));
    }

    /** Compares lower-cased texts, in which NULL has already become the empty string. */
    private static boolean matchesText(Operator operator, String stored, String value) {
        return switch (operator) {
            case CONTAINS -> stored.contains(value);
            case STARTS_WITH -> stored.startsWith(value);
            case ENDS_WITH -> stored.endsWith(value);
            default -> holds(operator, stored.compareTo(value));
        };
    }

    private static boolean holds(Operator operator, int comparison) {
        return switch (operator) {
            case EQ, IN -> comparison == 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            default -> throw new IllegalArgumentException("Operator " + operator.token() + " is not a comparison");
        };
    }
}
