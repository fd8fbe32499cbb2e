package org.opensma.query.resolve;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.opensma.query.QueryException;
import org.opensma.query.Texts;
import org.opensma.query.model.EntityCatalog;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.FieldType;
import org.opensma.query.model.RelationDefinition;
import org.opensma.query.syntax.Filter;
import org.opensma.query.syntax.Operator;

/** Turns one parsed filter into a condition, following the rules listed on {@link QueryResolver}. */
final class FilterResolver {

    /** Operators that the wildcard field accepts, because they have a meaning for text. */
    private static final Set<Operator> WILDCARD_OPERATORS = EnumSet.of(
            Operator.EQ, Operator.NE,
            Operator.CONTAINS, Operator.NOT_CONTAINS,
            Operator.STARTS_WITH, Operator.NOT_STARTS_WITH,
            Operator.ENDS_WITH, Operator.NOT_ENDS_WITH);

    private final EntityCatalog catalog;
    private final EntityDefinition base;

    FilterResolver(EntityCatalog catalog, EntityDefinition base) {
        this.catalog = catalog;
        this.base = base;
    }

    Condition resolve(Filter filter) {
        String context = filter.toString();
        Scope scope = Scope.of(filter.field().entity(), base, catalog, context);

        if (filter.operator().takesNoValue()) {
            return exists(filter, scope, context);
        }
        if (scope.isBase()) {
            return compare(filter, scope, filter.operator(), context);
        }

        // Rule NEG-REL-1: a negative operator on related data means "no related row matches the
        // positive operator", so base rows without related rows match.
        Operator operator = filter.operator();
        Condition inner = compare(filter, scope, operator.positive(), context);
        return new RelatedCondition(scope.relation(), scope.entity(), inner, operator.isNegative());
    }

    private Condition exists(Filter filter, Scope scope, String context) {
        boolean negated = filter.operator().isNegative();
        String name = filter.field().field();

        if (!scope.isBase()) {
            if (!filter.field().isWildcard()) {
                scope.field(name, context);
            }
            return new ExistsCondition(scope.relation(), scope.entity(), negated);
        }

        Optional<RelationDefinition> relation = base.relation(name);
        if (relation.isPresent()) {
            return new ExistsCondition(relation.get(), catalog.get(relation.get().targetEntity()), negated);
        }
        String relations = base.relations().isEmpty()
                ? "Entity '" + base.name() + "' has no relations."
                : "Relations of '" + base.name() + "': " + Scope.relationNames(base) + ".";
        String code = base.field(name).isPresent() || filter.field().isWildcard()
                ? QueryException.BAD_OPERATOR
                : QueryException.UNKNOWN_FIELD;
        throw existsNeedsRelation(code, filter, context, relations);
    }

    private static QueryException existsNeedsRelation(String code, Filter filter, String context, String relations) {
        return new QueryException(code, "Operator '" + filter.operator().token() + "' in " + Texts.quote(context)
                + " tests whether related data exists, so it needs a relation name, and "
                + Texts.quote(filter.field().field()) + " is not one. " + relations);
    }

    private Condition compare(Filter filter, Scope scope, Operator operator, String context) {
        if (filter.field().isWildcard()) {
            return wildcard(filter, scope, operator, context);
        }

        String name = filter.field().field();
        Optional<FieldDefinition> found = scope.entity().field(name);
        if (found.isEmpty() && scope.isBase() && base.relation(name).isPresent()) {
            throw new QueryException(QueryException.UNKNOWN_FIELD, Texts.quote(name) + " in "
                    + Texts.quote(context) + " is a relation, not a field. Filter on one of its fields, as in '"
                    + name + ".id " + filter.operator().token() + " ...', or test it with '" + name + " ex'.");
        }
        FieldDefinition field = found.orElseThrow(() -> scope.unknownField(name, context));

        if (operator.isTextOnly() && field.type() != FieldType.STRING) {
            throw new QueryException(QueryException.OPERATOR_TYPE_MISMATCH, "Operator '"
                    + filter.operator().token() + "' in " + Texts.quote(context) + " applies only to text fields,"
                    + " but field '" + field.name() + "' is " + field.type()
                    + ". Operators for this field: eq, ne, lt, le, gt, ge, in, nin.");
        }
        List<Object> values = filter.values().stream()
                .map(value -> TypedValues.parse(field, value, context))
                .toList();
        return new FieldCondition(field, operator, values);
    }

    private static Condition wildcard(Filter filter, Scope scope, Operator operator, String context) {
        if (!WILDCARD_OPERATORS.contains(filter.operator())) {
            String accepted = WILDCARD_OPERATORS.stream().map(Operator::token).collect(Collectors.joining(", "));
            throw new QueryException(QueryException.BAD_OPERATOR, "Operator '" + filter.operator().token()
                    + "' in " + Texts.quote(context) + " does not apply to the wildcard field '*'."
                    + " Operators for '*': " + accepted + ".");
        }
        List<FieldDefinition> fields = scope.entity().fields().stream()
                .filter(field -> field.type() == FieldType.STRING)
                .toList();
        if (fields.isEmpty()) {
            throw new QueryException(QueryException.UNKNOWN_FIELD, "The wildcard field '*' in "
                    + Texts.quote(context) + " matches text fields, and entity '" + scope.entity().name()
                    + "' has none.");
        }
        return new AnyFieldCondition(fields, operator, filter.value());
    }
}
