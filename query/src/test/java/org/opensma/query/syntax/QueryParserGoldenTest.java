package org.opensma.query.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden table: parameter text to the canonical text of its part of the syntax tree. Each
 * operator token and each quirk that KACE clients send has at least one row.
 */
class QueryParserGoldenTest {

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            filtering|name eq xxx|name eq xxx
            filtering|id ne 1|id ne 1
            filtering|id neq 1|id ne 1
            filtering|id lt 5|id lt 5
            filtering|id le 5|id le 5
            filtering|id gt 1000|id gt 1000
            filtering|id ge 5|id ge 5
            filtering|Name co hq|Name co hq
            filtering|name nc xxx|name nc xxx
            filtering|name nco xxx|name nc xxx
            filtering|name st PC|name st PC
            filtering|name ns PC|name ns PC
            filtering|name nst PC|name ns PC
            filtering|name en -01|name en -01
            filtering|name end -01|name en -01
            filtering|name nen -01|name nen -01
            filtering|name nend -01|name nen -01
            filtering|id in 100;101;108|id in (100;101;108)
            filtering|id nin 100;101|id nin (100;101)
            filtering|location ex|location ex
            filtering|location nex|location nex
            filtering|location.id ex|location.id ex
            filtering|software ex|software ex
            filtering|name EQ x|name eq x
            filtering|name Neq x|name ne x
            filtering|name nc xxx,id gt 1000|name nc xxx,id gt 1000
            filtering|software.name eq Word|software.name eq Word
            filtering|machine.Name co PC-1|machine.Name co PC-1
            filtering|MACHINE.Name co PC-1|machine.Name co PC-1
            filtering|full_name eq John Smith|full_name eq John Smith
            filtering|name eq My Asset 1|name eq My Asset 1
            filtering|title eq a  b|title eq a  b
            filtering|created gt 2020-04-12 02:28:02|created gt 2020-04-12 02:28:02
            filtering|created gt 2020-04-12 02:28:02,hd_queue_id in 1;3|created gt 2020-04-12 02:28:02,hd_queue_id in (1;3)
            filtering|hd_queue_id eq 3,status.state neq closed|hd_queue_id eq 3,status.state ne closed
            filtering|owner.user_name in (a;b;c)|owner.user_name in (a;b;c)
            filtering|id in ( 1 ; 2 )|id in (1;2)
            filtering|hd_status.name eq new|hd_status.name eq new
            filtering|asset.archive eq completed,asset.id eq 1234|asset.archive eq completed,asset.id eq 1234
            filtering|* eq jdoe|* eq jdoe
            filtering|* co ABC|* co ABC
            filtering|machine.* co ABC|machine.* co ABC
            filtering|software.name eq DEF,* co ABC|software.name eq DEF,* co ABC
            filtering|'  name   eq   x  ,  id gt 1 '|name eq x,id gt 1
            filtering|name eq a;b|name eq a;b
            filtering|name eq (x)|name eq (x)
            filtering|NULL|''
            filtering|'  '|''
            sorting|name asc|name asc
            sorting|name|name asc
            sorting|Name DESC,software.name asc|Name desc,software.name asc
            sorting|machine.name Desc|machine.name desc
            sorting|' name asc , id desc '|name asc,id desc
            sorting|NULL|''
            paging|NULL|limit 50 offset 0
            paging|''|limit 50 offset 0
            paging|limit 50|limit 50 offset 0
            paging|limit 1000|limit 1000 offset 0
            paging|limit 100 offset 200|limit 100 offset 200
            paging|offset 0 limit 100|limit 100 offset 0
            paging|offset 2 limit 2|limit 2 offset 2
            paging|limit 2 offset 2|limit 2 offset 2
            paging|offset 10|limit 50 offset 10
            paging|limit 0|limit ALL offset 0
            paging|limit ALL|limit ALL offset 0
            paging|LIMIT all|limit ALL offset 0
            paging|50|limit 50 offset 0
            shaping|NULL|''
            shaping|machine all|machine ALL
            shaping|machine all all|machine ALL
            shaping|Machine Extended|machine EXTENDED
            shaping|machine all,software standard|machine ALL,software STANDARD
            shaping|machine all,software limited|machine ALL,software LIMITED
            shaping|' hd_ticket regular,owner limited,submitter limited'|hd_ticket STANDARD,owner LIMITED,submitter LIMITED
            shaping|hd_ticket all,submitter limited,owner limited, asset limited|hd_ticket ALL,submitter LIMITED,owner LIMITED,asset LIMITED
            shaping|hd_ticket_change regular,attachments regular|hd_ticket_change STANDARD,attachments STANDARD
            shaping|fields all|fields ALL
            shaping|machine all,machine all|machine ALL
            use_count|NULL|true
            use_count|''|true
            use_count|true|true
            use_count|false|false
            use_count|FALSE|false
            use_count|0|false
            use_count|1|true
            use_count_only|NULL|false
            use_count_only|''|false
            use_count_only|false|false
            use_count_only|0|false
            use_count_only|true|true
            use_count_only|1|true
            use_count_only|yes|true
            """)
    void parameter_parsesToCanonicalText(String parameter, String input, String expected) {
        Query query = QueryParser.parse(rawWith(parameter, input));

        assertThat(part(parameter, query)).isEqualTo(expected);
    }

    static RawQuery rawWith(String parameter, String value) {
        return switch (parameter) {
            case "filtering" -> new RawQuery(value, null, null, null, null, null);
            case "sorting" -> new RawQuery(null, value, null, null, null, null);
            case "paging" -> new RawQuery(null, null, value, null, null, null);
            case "shaping" -> new RawQuery(null, null, null, value, null, null);
            case "use_count" -> new RawQuery(null, null, null, null, value, null);
            case "use_count_only" -> new RawQuery(null, null, null, null, null, value);
            default -> throw new IllegalArgumentException(parameter);
        };
    }

    private static String part(String parameter, Query query) {
        return switch (parameter) {
            case "filtering" -> query.filteringText();
            case "sorting" -> query.sortingText();
            case "paging" -> query.page().toString();
            case "shaping" -> query.shape().toString();
            case "use_count" -> Boolean.toString(query.useCount());
            case "use_count_only" -> Boolean.toString(query.countOnly());
            default -> throw new IllegalArgumentException(parameter);
        };
    }
}
