package org.opensma.query.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opensma.query.model.ShapingLevel;

/** Syntax tree details that the canonical texts of the golden table do not show. */
class QueryParserTest {

    @Test
    void emptyRequest_getsDefaults() {
        Query query = QueryParser.parse(RawQuery.EMPTY);

        assertThat(query.filters()).isEmpty();
        assertThat(query.sorts()).isEmpty();
        assertThat(query.page()).isEqualTo(new Page(Page.DEFAULT_LIMIT, 0));
        assertThat(query.page().limit()).isEqualTo(50);
        assertThat(query.shape().levels()).isEmpty();
        assertThat(query.useCount()).isTrue();
        assertThat(query.countOnly()).isFalse();
    }

    @Test
    void valueWithSpaces_isOneValue() {
        Query query = QueryParser.parse(new RawQuery("full_name eq  John Smith ", null, null, null, null, null));

        Filter filter = query.filters().get(0);
        assertThat(filter.field()).isEqualTo(new FieldRef(null, "full_name"));
        assertThat(filter.operator()).isEqualTo(Operator.EQ);
        assertThat(filter.values()).containsExactly("John Smith");
    }

    @Test
    void inList_splitsOnSemicolons() {
        Query query = QueryParser.parse(new RawQuery("owner.user_name in (a; b ;c)", null, null, null, null, null));

        Filter filter = query.filters().get(0);
        assertThat(filter.field()).isEqualTo(new FieldRef("owner", "user_name"));
        assertThat(filter.values()).containsExactly("a", "b", "c");
    }

    @Test
    void existence_hasNoValues() {
        Query query = QueryParser.parse(new RawQuery("software nex", null, null, null, null, null));

        assertThat(query.filters().get(0)).isEqualTo(new Filter(new FieldRef(null, "software"), Operator.NOT_EXISTS,
                List.of()));
    }

    @Test
    void shaping_keepsRequestOrderAndLowerCasesNames() {
        Query query = QueryParser.parse(new RawQuery(null, null, null, "Software limited,MACHINE all", null, null));

        assertThat(query.shape().levels()).containsExactly(
                java.util.Map.entry("software", ShapingLevel.LIMITED),
                java.util.Map.entry("machine", ShapingLevel.ALL));
    }

    @Test
    void limitAll_hasNullLimit() {
        Query query = QueryParser.parse(new RawQuery(null, null, "limit ALL offset 5", null, null, null));

        assertThat(query.page().limit()).isNull();
        assertThat(query.page().offset()).isEqualTo(5);
    }

    @Test
    void query_printsEveryPart() {
        Query query = QueryParser.parse(new RawQuery("id neq 1,* eq jdoe", "name desc", "offset 2 limit 2",
                "machine all all", "false", null));

        assertThat(query).hasToString("filtering=[id ne 1,* eq jdoe] sorting=[name desc] paging=[limit 2 offset 2]"
                + " shaping=[machine ALL] use_count=false use_count_only=false");
    }

    @Test
    void canonicalText_parsesToEqualQuery() {
        Query query = QueryParser.parse(new RawQuery("created gt 2020-04-12 02:28:02,hd_queue_id in 1;3,location nex",
                "software.name DESC", "limit all", " hd_ticket regular,owner limited", "0", "yes"));

        assertThat(QueryParser.parse(query.toRawQuery())).isEqualTo(query);
    }

    @Test
    void operatorTokens_areUniqueAndNegationsPair() {
        assertThat(Operator.NE.isNegative()).isTrue();
        assertThat(Operator.NOT_IN.positive()).isEqualTo(Operator.IN);
        assertThat(Operator.NOT_EXISTS.positive()).isEqualTo(Operator.EXISTS);
        assertThat(Operator.LT.isNegative()).isFalse();
        assertThat(Operator.fromToken("NEND")).contains(Operator.NOT_ENDS_WITH);
        assertThat(Operator.fromToken("like")).isEmpty();
        assertThat(List.of(Operator.values()).stream().filter(Operator::isNegative))
                .containsExactly(Operator.NE, Operator.NOT_CONTAINS, Operator.NOT_STARTS_WITH,
                        Operator.NOT_ENDS_WITH, Operator.NOT_IN, Operator.NOT_EXISTS);
    }
}
