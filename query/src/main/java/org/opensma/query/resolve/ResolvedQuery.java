package org.opensma.query.resolve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.RelationDefinition;
import org.opensma.query.model.ShapingLevel;
import org.opensma.query.syntax.Page;

/**
 * Query checked against its base entity.
 *
 * @param conditions        conditions that must all hold
 * @param sorts             sort keys, most significant first, before the id column that breaks remaining ties
 * @param baseLevel         shaping level of the base entity
 * @param includedRelations relations whose data the output contains, in the order the request named them
 */
public record ResolvedQuery(EntityDefinition base, List<Condition> conditions, List<ResolvedSort> sorts, Page page,
        ShapingLevel baseLevel, Map<RelationDefinition, ShapingLevel> includedRelations, boolean useCount,
        boolean countOnly) {

    public ResolvedQuery {
        Objects.requireNonNull(base, "base");
        conditions = List.copyOf(conditions);
        sorts = List.copyOf(sorts);
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(baseLevel, "baseLevel");
        includedRelations = Collections.unmodifiableMap(new LinkedHashMap<>(includedRelations));
    }
}
