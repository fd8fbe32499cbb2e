package org.opensma.query.resolve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.opensma.query.model.EntityCatalog;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.RelationDefinition;
import org.opensma.query.model.ShapingLevel;
import org.opensma.query.syntax.Query;
import org.opensma.query.syntax.Sort;

/**
 * Checks a parsed query against its base entity and types its values.
 *
 * <p>Rules, named so that tests and the SQL renderer can refer to them:
 * <ul>
 *   <li><b>PREFIX-1</b>: an entity prefix is the base entity's name or one of its relation names,
 *       in any case. Field names match in any case, and a space equals an underscore.</li>
 *   <li><b>POS-REL-1</b>: a positive operator on a related field ({@code software.name eq Word})
 *       matches the base row when at least one related row matches. It never adds the relation
 *       to the output.</li>
 *   <li><b>NEG-REL-1</b>: a negative operator on a related field ({@code ne}, {@code nc},
 *       {@code ns}, {@code nen}, {@code nin}) matches the base row when no related row matches
 *       the positive operator. So a machine without software matches {@code software.name ne Word}.
 *       It becomes a {@link RelatedCondition} with {@code negated} set and the positive operator inside.</li>
 *   <li><b>EXISTS-1</b>: {@code ex}/{@code nex} apply to a relation ({@code software ex}), and the
 *       form {@code software.id ex} means the same. On a field of the base entity they are an error.</li>
 *   <li><b>TYPE-1</b>: {@code co}, {@code nc}, {@code st}, {@code ns}, {@code en}, {@code nen} apply
 *       only to STRING fields.</li>
 *   <li><b>WILDCARD-1</b>: {@code *} compares the value with every STRING field of its entity and
 *       accepts only eq, ne, co, nc, st, ns, en, nen.</li>
 *   <li><b>SHAPE-1</b>: the base entity defaults to STANDARD. A relation is in the output when
 *       shaping names it (at that level) or sorting uses it (at STANDARD unless shaped).</li>
 * </ul>
 */
public final class QueryResolver {

    private final EntityCatalog catalog;

    public QueryResolver(EntityCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Resolves {@code query} for the entity of the route: the catalog's declaration, or one
     * extended with fields known only at request time (see {@link EntityDefinition#withFields}).
     *
     * @throws org.opensma.query.QueryException when a name, operator or value does not fit the entity
     */
    public ResolvedQuery resolve(Query query, EntityDefinition base) {
        if (!catalog.find(base.name()).filter(declared -> declared.isExtendedBy(base)).isPresent()) {
            throw new IllegalArgumentException("Entity '" + base.name() + "' is not the catalog's declaration");
        }

        FilterResolver filters = new FilterResolver(catalog, base);
        List<Condition> conditions = query.filters().stream().map(filters::resolve).toList();
        List<ResolvedSort> sorts = query.sorts().stream().map(sort -> resolveSort(sort, base)).toList();

        ShapingLevel baseLevel = ShapingLevel.STANDARD;
        Map<RelationDefinition, ShapingLevel> included = new LinkedHashMap<>();
        for (Map.Entry<String, ShapingLevel> entry : query.shape().levels().entrySet()) {
            String name = entry.getKey();
            if (base.isNamed(name)) {
                baseLevel = entry.getValue();
                continue;
            }
            RelationDefinition relation = base.relation(name)
                    .orElseThrow(() -> Scope.unknownEntity(name, base, "shaping " + query.shape()));
            included.put(relation, entry.getValue());
        }
        for (ResolvedSort sort : sorts) {
            if (sort.relation() != null) {
                included.putIfAbsent(sort.relation(), ShapingLevel.STANDARD);
            }
        }

        return new ResolvedQuery(base, conditions, sorts, query.page(), baseLevel, included, query.useCount(),
                query.countOnly());
    }

    private ResolvedSort resolveSort(Sort sort, EntityDefinition base) {
        String context = sort.toString();
        Scope scope = Scope.of(sort.field().entity(), base, catalog, context);
        return new ResolvedSort(scope.relation(), scope.field(sort.field().field(), context), sort.descending());
    }
}
