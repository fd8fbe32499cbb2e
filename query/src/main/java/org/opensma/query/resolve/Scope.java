package org.opensma.query.resolve;

import java.util.stream.Collectors;

import org.opensma.query.QueryException;
import org.opensma.query.Texts;
import org.opensma.query.model.EntityCatalog;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.RelationDefinition;

/**
 * Entity that a prefix in a field reference selects: the base entity ({@code relation} null) or
 * the target of one of its relations.
 */
record Scope(RelationDefinition relation, EntityDefinition entity) {

    boolean isBase() {
        return relation == null;
    }

    /**
     * Resolves the prefix of {@code entity.field}. No prefix and the base entity's own name both
     * select the base entity.
     *
     * @param context the filter or sort key, quoted in the error message
     */
    static Scope of(String prefix, EntityDefinition base, EntityCatalog catalog, String context) {
        if (prefix == null || base.isNamed(prefix)) {
            return new Scope(null, base);
        }
        RelationDefinition relation = base.relation(prefix)
                .orElseThrow(() -> unknownEntity(prefix, base, context));
        return new Scope(relation, catalog.get(relation.targetEntity()));
    }

    static QueryException unknownEntity(String name, EntityDefinition base, String context) {
        String choices = base.relations().isEmpty()
                ? "Use the base entity '" + base.name() + "', which has no relations."
                : "Use the base entity '" + base.name() + "' or one of its relations: " + relationNames(base) + ".";
        return new QueryException(QueryException.UNKNOWN_ENTITY, "Unknown entity " + Texts.quote(name) + " in "
                + Texts.quote(context) + ". " + choices);
    }

    static String relationNames(EntityDefinition entity) {
        return entity.relations().stream().map(RelationDefinition::name).collect(Collectors.joining(", "));
    }

    /** Returns the field or raises QUERY_UNKNOWN_FIELD listing the fields of this scope. */
    FieldDefinition field(String name, String context) {
        return entity.field(name).orElseThrow(() -> unknownField(name, context));
    }

    QueryException unknownField(String name, String context) {
        String fields = entity.fields().stream().map(FieldDefinition::name).collect(Collectors.joining(", "));
        String owner = isBase() ? "entity '" + entity.name() + "'" : "relation '" + relation.name() + "'";
        String hint = isBase() && !entity.relations().isEmpty()
                ? " Relations, usable as prefix 'relation.field': " + relationNames(entity) + "."
                : "";
        return new QueryException(QueryException.UNKNOWN_FIELD, "Unknown field " + Texts.quote(name) + " of "
                + owner + " in " + Texts.quote(context) + ". Fields: " + fields + "." + hint);
    }
}
