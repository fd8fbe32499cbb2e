package org.opensma.platform.query;

import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.opensma.platform.web.ApiError;
import org.opensma.query.model.EntityCatalog;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.ManyToMany;
import org.opensma.query.model.ManyToOne;
import org.opensma.query.model.OneToMany;
import org.opensma.query.model.RelationDefinition;
import org.opensma.query.model.ShapingLevel;
import org.opensma.query.resolve.QueryResolver;
import org.opensma.query.resolve.ResolvedQuery;
import org.opensma.query.resolve.ResolvedSort;
import org.opensma.query.syntax.Page;
import org.opensma.query.syntax.QueryParser;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Executes every list route: parses and resolves the KACE query parameters, counts,
 * pages and streams the rows with their related entities. Organization isolation is
 * applied here, to the base table and to every related table a query touches, so no
 * route can forget it. Each response costs one count, one page query and one query per
 * included relation for every chunk of rows, whatever the page size.
 */
@Component
public class ListQueryExecutor {

    /** Rows fetched and written per round; bounds memory for {@code limit ALL}. */
    static final int CHUNK_ROWS = 500;

    private final DSLContext dsl;
    private final QueryResolver resolver;
    private final Map<String, EntityView> views;
    /**
     * The computed fields of every declared entity, for filters on related entities. Keyed by
     * field, because two entities may each have a column of one name and only one of them be computed.
     */
    private final Map<FieldDefinition, ComputedColumn> allComputed;
    private final TransactionTemplate readOnly;
    private final JsonMapper jsonMapper;

    ListQueryExecutor(DSLContext dsl, EntityCatalog catalog, List<EntityView> views,
            PlatformTransactionManager transactionManager, JsonMapper jsonMapper) {
        this.dsl = dsl;
        this.resolver = new QueryResolver(catalog);
        this.views = new HashMap<>();
        views.forEach(view -> this.views.put(view.definition().name(), view));
        this.allComputed = new HashMap<>();
        views.forEach(view -> addComputed(view, this.allComputed));
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.jsonMapper = jsonMapper;
    }

    /** Runs the request and writes the response; throws before writing anything on a client error. */
    public void execute(ListRequest request, String accept, HttpServletResponse response) throws IOException {
        EntityView view = request.view();
        ResolvedQuery query = resolver.resolve(QueryParser.parse(request.raw()), view.definition());
        Table<?> base = baseTable(view, request);
        Map<FieldDefinition, ComputedColumn> computed = new HashMap<>(allComputed);
        addComputed(view, computed);
        SqlConditions sql = new SqlConditions(dsl.dialect(), request.caller().zone(), scoping(request), computed,
                entity -> tableFor(entity, request));
        Condition where = where(request, query, base, sql);
        Condition countWhere = where(request, query, base, sql.forCount());

        boolean xml = wantsXml(accept);
        response.setContentType(xml ? MediaType.APPLICATION_XML_VALUE : MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Condition filter = where;
        IOException[] failure = new IOException[1];
        readOnly.executeWithoutResult(status -> {
            try {
                stream(request, query, base, filter, countWhere, sql, xml, response);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** The organization scope, the owner scope for roles limited to their own records, and the filters. */
    private static Condition where(ListRequest request, ResolvedQuery query, Table<?> base, SqlConditions sql) {
        EntityView view = request.view();
        Condition where = sql.scope(base, view.definition()).and(request.scope());
        if (request.caller().role().ownRecordsOnly() && view.ownerScope() != null) {
            where = where.and(view.ownerScope().condition(base, request.caller()));
        }
        for (var condition : query.conditions()) {
            where = where.and(sql.render(condition, base, view.definition()));
        }
        return where;
    }

    private void stream(ListRequest request, ResolvedQuery query, Table<?> base, Condition where,
            Condition countWhere, SqlConditions sql, boolean xml, HttpServletResponse response) throws IOException {
        Long count = null;
        if (query.useCount() || query.countOnly() || request.single()) {
            count = dsl.fetchSingle(countQuery(request, query, base, countWhere, sql)).value1().longValue();
        }
        if (request.single() && count == 0) {
            throw ApiError.NOT_FOUND.exception(request.notFoundMessage());
        }

        OutputStream out = response.getOutputStream();
        try (ListWriter writer = xml ? new XmlListWriter(out) : new JsonListWriter(jsonMapper, out)) {
            if (query.countOnly()) {
                writer.countOnly(count);
                return;
            }
            writer.start(query.useCount() || request.single() ? count : null,
                    request.view().definition().collectionKey());
            writeRows(request, query, base, where, sql, writer);
            writer.end();
        }
    }

    /**
     * The count of a list. A filter made of one related condition through a link table, seen
     * by a caller who sees every record of the organization, is counted from the link table
     * (see {@link SqlConditions#linkCount}); every other count runs over the base table.
     */
    private static Select<Record1<Integer>> countQuery(ListRequest request, ResolvedQuery query,
            Table<?> base, Condition countWhere, SqlConditions sql) {
        EntityView view = request.view();
        boolean wholeOrganization = request.scope().equals(DSL.noCondition())
                && !(request.caller().role().ownRecordsOnly() && view.ownerScope() != null)
                && view.tableFor(request.caller()).equals(view.definition().table())
                && view.orgScope() instanceof OrgScope.Column;
        if (wholeOrganization && query.conditions().size() == 1) {
            Optional<Select<Record1<Integer>>> fromLinks = sql.linkCount(query.conditions().getFirst());
            if (fromLinks.isPresent()) {
                return fromLinks.get();
            }
        }
        return DSL.selectCount().from(base).where(countWhere);
    }

    private void writeRows(ListRequest request, ResolvedQuery query, Table<?> base, Condition where,
            SqlConditions sql, ListWriter writer) throws IOException {
        EntityDefinition entity = request.view().definition();
        List<FieldDefinition> fields = entity.fieldsAt(query.baseLevel());
        Field<Long> id = SqlConditions.column(base, entity.idColumn(), SQLDataType.BIGINT);

        List<SelectField<?>> columns = new ArrayList<>();
        columns.add(id);
        for (FieldDefinition field : fields) {
            columns.add(sql.output(base, field));
        }

        var select = dsl.select(columns).from(base).where(where).orderBy(order(query, base, sql, id));
        Page page = query.page();
        var limited = page.limit() == null
                ? select.offset(page.offset())
                : select.limit(page.limit()).offset(page.offset());

        try (Cursor<Record> cursor = limited.fetchSize(CHUNK_ROWS).fetchLazy()) {
            while (cursor.hasNext()) {
                List<Record> chunk = cursor.fetchNext(CHUNK_ROWS);
                Map<RelationDefinition, Map<Long, List<Map<String, Object>>>> related =
                        fetchRelated(request, query, base, chunk);
                for (Record row : chunk) {
                    writeItem(request, query, fields, row, related, writer);
                }
            }
        }
    }

    private void writeItem(ListRequest request, ResolvedQuery query, List<FieldDefinition> fields, Record row,
            Map<RelationDefinition, Map<Long, List<Map<String, Object>>>> related, ListWriter writer)
            throws IOException {
        EntityView view = request.view();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            values.put(field.name(), view.renderer().render(field, row.get(i + 1), request.caller().zone()));
        }
        Map<String, ListWriter.RelatedItems> relatedItems = new LinkedHashMap<>();
        long ownerId = row.get(0, Long.class);
        for (RelationDefinition relation : query.includedRelations().keySet()) {
            EntityView target = views.get(relation.targetEntity());
            boolean single = view.singleObjects() && relation.join() instanceof ManyToOne;
            relatedItems.put(relation.outputKey(), new ListWriter.RelatedItems(target.itemName(),
                    related.get(relation).getOrDefault(ownerId, List.of()), single));
        }
        writer.item(view.itemName(), values, relatedItems);
    }

    private Map<RelationDefinition, Map<Long, List<Map<String, Object>>>> fetchRelated(ListRequest request,
            ResolvedQuery query, Table<?> base, List<Record> chunk) {
        Map<RelationDefinition, Map<Long, List<Map<String, Object>>>> result = new HashMap<>();
        if (query.includedRelations().isEmpty() || chunk.isEmpty()) {
            query.includedRelations().keySet().forEach(relation -> result.put(relation, Map.of()));
            return result;
        }
        List<Long> ids = chunk.stream().map(row -> row.get(0, Long.class)).toList();
        for (Map.Entry<RelationDefinition, ShapingLevel> included : query.includedRelations().entrySet()) {
            result.put(included.getKey(), fetchRelation(request, base, included.getKey(), included.getValue(), ids));
        }
        return result;
    }

    private Map<Long, List<Map<String, Object>>> fetchRelation(ListRequest request, Table<?> base,
            RelationDefinition relation, ShapingLevel level, List<Long> ownerIds) {
        EntityView target = views.get(relation.targetEntity());
        EntityDefinition entity = target.definition();
        Table<?> targetTable = table(name(target.tableFor(request.caller()))).as("t");
        List<FieldDefinition> fields = entity.fieldsAt(level);
        Field<Long> targetId = SqlConditions.column(targetTable, entity.idColumn(), SQLDataType.BIGINT);

        Field<Long> owner;
        org.jooq.SelectJoinStep<Record> from;
        List<SelectField<?>> columns = new ArrayList<>();
        switch (relation.join()) {
            case ManyToMany join -> {
                Table<?> link = table(name(join.linkTable())).as("l");
                owner = SqlConditions.column(link, join.linkSourceColumn(), SQLDataType.BIGINT);
                columns.add(owner);
                addColumns(columns, targetTable, fields, target);
                from = dsl.select(columns).from(link).join(targetTable)
                        .on(SqlConditions.column(link, join.linkTargetColumn(), SQLDataType.BIGINT).eq(targetId));
            }
            case OneToMany join -> {
                owner = SqlConditions.column(targetTable, join.childForeignKeyColumn(), SQLDataType.BIGINT);
                columns.add(owner);
                addColumns(columns, targetTable, fields, target);
                from = dsl.select(columns).from(targetTable);
            }
            case ManyToOne join -> {
                owner = SqlConditions.column(base, request.view().definition().idColumn(), SQLDataType.BIGINT);
                columns.add(owner);
                addColumns(columns, targetTable, fields, target);
                from = dsl.select(columns).from(base).join(targetTable)
                        .on(targetId.eq(SqlConditions.column(base, join.foreignKeyColumn(), SQLDataType.BIGINT)));
            }
        }

        Map<Long, List<Map<String, Object>>> byOwner = new HashMap<>();
        from.where(owner.in(ownerIds), target.orgScope().condition(targetTable, entity.idColumn(),
                        request.caller().orgId()))
                .orderBy(owner, targetId)
                .forEach(row -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        FieldDefinition field = fields.get(i);
                        values.put(field.name(), target.renderer().render(field, row.get(i + 1), request.caller().zone()));
                    }
                    byOwner.computeIfAbsent(row.get(0, Long.class), key -> new ArrayList<>()).add(values);
                });
        return byOwner;
    }

    private static void addColumns(List<SelectField<?>> columns, Table<?> table, List<FieldDefinition> fields,
            EntityView view) {
        for (FieldDefinition field : fields) {
            ComputedColumn computed = view.computed().get(field.column());
            columns.add(computed != null
                    ? computed.output().apply(table)
                    : SqlConditions.column(table, field.column(), SqlConditions.dataType(field.type())));
        }
    }

    /**
     * The requested order, then the id so that pages never overlap. Text sorts lower-cased and
     * times to the second. NULL sorts first ascending and last descending. A related field sorts
     * by its smallest related value ascending and its largest descending.
     */
    private List<SortField<?>> order(ResolvedQuery query, Table<?> base, SqlConditions sql, Field<Long> id) {
        List<SortField<?>> order = new ArrayList<>();
        for (ResolvedSort sort : query.sorts()) {
            Field<?> key = sort.relation() == null
                    ? sql.sortKey(base, sort.field())
                    : sql.relatedSortKey(sort, base, query.base(), views.get(sort.relation().targetEntity())
                            .definition());
            order.add(sort.descending() ? key.desc().nullsLast() : key.asc().nullsFirst());
        }
        order.add(id.asc());
        return order;
    }

    /**
     * The base table of the query. A role-specific view is aliased to the declared table name,
     * because route conditions such as "id = 5" name the declared table.
     */
    private static void addComputed(EntityView view, Map<FieldDefinition, ComputedColumn> computed) {
        for (FieldDefinition field : view.definition().fields()) {
            ComputedColumn expression = view.computed().get(field.column());
            if (expression != null) {
                computed.put(field, expression);
            }
        }
    }

    /** The table or view the caller's role reads for a related entity. */
    private String tableFor(EntityDefinition entity, ListRequest request) {
        return views.get(entity.name()).tableFor(request.caller());
    }

    private static Table<?> baseTable(EntityView view, ListRequest request) {
        String declared = view.definition().table();
        String read = view.tableFor(request.caller());
        return read.equals(declared) ? table(name(declared)) : table(name(read)).as(declared);
    }

    /**
     * The organization condition of any entity's table. Every table a list query reads goes
     * through this, the base and each related one.
     */
    private SqlConditions.Scoping scoping(ListRequest request) {
        long orgId = request.caller().orgId();
        return (table, entity) -> views.get(entity.name()).orgScope().condition(table, entity.idColumn(), orgId);
    }

    private static boolean wantsXml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                    return false;
                }
                if (type.getSubtype().equals("xml")) {
                    return true;
                }
            }
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
        return false;
    }
}
