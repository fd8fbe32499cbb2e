package org.opensma.query.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensma.query.QueryException;

/** Invalid parameter texts and the error code and message each one gets. */
class QueryParserErrorTest {

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            filtering|name eqq x|QUERY_BAD_OPERATOR|Unknown operator 'eqq' in filter 'name eqq x'. Accepted operators: eq, ne, neq, lt, le, gt, ge, co, nc, nco, st, ns, nst, en, end, nen, nend, in, nin, ex, nex
            filtering|name like x|QUERY_BAD_OPERATOR|Unknown operator 'like'
            filtering|name|QUERY_BAD_OPERATOR|Filter 'name' has no operator
            filtering|name eq|QUERY_BAD_VALUE|Filter 'name eq' has no value after operator 'eq'
            filtering|id in|QUERY_BAD_VALUE|has no value after operator 'in'
            filtering|name eq x,,id eq 1|QUERY_BAD_FILTERING|Empty filter in 'name eq x,,id eq 1'
            filtering|name eq x,|QUERY_BAD_FILTERING|Empty filter
            filtering|,name eq x|QUERY_BAD_FILTERING|Empty filter
            filtering|,|QUERY_BAD_FILTERING|Empty filter
            filtering|id in (1,2)|QUERY_BAD_VALUE|Separate values with ';', as in 'id in (1;2;3)'
            filtering|id in 1;;2|QUERY_BAD_VALUE|Empty value in the list of filter 'id in 1;;2'
            filtering|id nin 1;|QUERY_BAD_VALUE|Empty value
            filtering|id in ()|QUERY_BAD_VALUE|Empty value
            filtering|location ex now|QUERY_BAD_VALUE|Operator 'ex' takes no value
            filtering|a.b.c eq 1|QUERY_BAD_FILTERING|Invalid field reference 'a.b.c'
            filtering|.name eq 1|QUERY_BAD_FILTERING|Invalid field reference '.name'
            filtering|machine. eq 1|QUERY_BAD_FILTERING|Invalid field reference 'machine.'
            filtering|na-me eq 1|QUERY_BAD_FILTERING|Invalid field reference 'na-me'
            filtering|*.name eq 1|QUERY_BAD_FILTERING|Invalid field reference '*.name'
            sorting|name up|QUERY_BAD_SORTING|Unknown sort direction 'up' in 'name up'. Accepted directions: asc, desc.
            sorting|name asc extra|QUERY_BAD_SORTING|Invalid sort key 'name asc extra'
            sorting|name,,id|QUERY_BAD_SORTING|Empty sort key
            sorting|name asc,|QUERY_BAD_SORTING|Empty sort key
            sorting|*|QUERY_BAD_SORTING|Cannot sort by '*'
            sorting|na-me|QUERY_BAD_SORTING|Invalid field reference 'na-me'
            paging|limit -1|QUERY_BAD_PAGING|Invalid number '-1' in paging 'limit -1'
            paging|-5|QUERY_BAD_PAGING|Invalid paging '-5'
            paging|limit abc|QUERY_BAD_PAGING|Invalid number 'abc'
            paging|offset ALL|QUERY_BAD_PAGING|Invalid number 'ALL'
            paging|limit 5 limit 6|QUERY_BAD_PAGING|gives 'limit' twice
            paging|offset 1 offset 2|QUERY_BAD_PAGING|gives 'offset' twice
            paging|page 1|QUERY_BAD_PAGING|Unknown word 'page'
            paging|limit|QUERY_BAD_PAGING|Invalid paging 'limit'
            paging|limit 5 offset|QUERY_BAD_PAGING|Invalid paging 'limit 5 offset'
            paging|limit 1.5|QUERY_BAD_PAGING|Invalid number '1.5'
            paging|limit 99999999999999999999|QUERY_BAD_PAGING|is too large
            shaping|machine huge|QUERY_BAD_SHAPING|Unknown shaping level 'huge'. Accepted levels: LIMITED, STANDARD, EXTENDED, ALL
            shaping|machine|QUERY_BAD_SHAPING|Shaping entry 'machine' has no level
            shaping|machine all limited|QUERY_BAD_SHAPING|gives different levels
            shaping|machine all,,software all|QUERY_BAD_SHAPING|Empty entry
            shaping|machine all,machine limited|QUERY_BAD_SHAPING|gives entity 'machine' two levels, ALL and LIMITED
            shaping|mach-ine all|QUERY_BAD_SHAPING|Invalid entity name 'mach-ine'
            """)
    void invalidParameter_isRejectedWithCodeAndMessage(String parameter, String input, String code, String message) {
        RawQuery raw = QueryParserGoldenTest.rawWith(parameter, input);

        QueryException error = catchThrowableOfType(QueryException.class, () -> QueryParser.parse(raw));

        assertThat(error).as("exception for %s=%s", parameter, input).isNotNull();
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.getMessage()).contains(message);
    }

    @Test
    void unknownOperator_isRejectedWithAcceptedList() {
        QueryException error = catchThrowableOfType(QueryException.class,
                () -> QueryParser.parse(new RawQuery("name eqq x", null, null, null, null, null)));

        assertThat(error.code()).isEqualTo(QueryException.BAD_OPERATOR);
        assertThat(error.getMessage()).isEqualTo("Unknown operator 'eqq' in filter 'name eqq x'. Accepted operators:"
                + " eq, ne, neq, lt, le, gt, ge, co, nc, nco, st, ns, nst, en, end, nen, nend, in, nin, ex, nex");
    }

    /** Decision: a comma always separates filters, even inside the parentheses of an in list. */
    @Test
    void commaInsideInList_isRejectedAskingForSemicolons() {
        QueryException error = catchThrowableOfType(QueryException.class,
                () -> QueryParser.parse(new RawQuery("hd_queue_id in (1,2)", null, null, null, null, null)));

        assertThat(error.code()).isEqualTo(QueryException.BAD_VALUE);
        assertThat(error.getMessage()).contains("'hd_queue_id in (1'", "';'", "a comma starts the next filter");
    }

    @Test
    void parameterOverMaximumLength_isRejected() {
        String filtering = "name eq " + "x".repeat(QueryParser.MAX_PARAMETER_LENGTH);

        QueryException error = catchThrowableOfType(QueryException.class,
                () -> QueryParser.parse(new RawQuery(filtering, null, null, null, null, null)));

        assertThat(error.code()).isEqualTo(QueryException.TOO_LONG);
        assertThat(error.getMessage()).isEqualTo("Parameter 'filtering' is 8200 characters long."
                + " The maximum is 8192 characters.");
    }

    @Test
    void parameterAtMaximumLength_isAccepted() {
        String filtering = "name eq " + "x".repeat(QueryParser.MAX_PARAMETER_LENGTH - 8);

        Query query = QueryParser.parse(new RawQuery(filtering, null, null, null, null, null));

        assertThat(query.filters()).hasSize(1);
    }

    @Test
    void longValue_isShortenedInMessage() {
        String filtering = "name eqq " + "x".repeat(1_000);

        QueryException error = catchThrowableOfType(QueryException.class,
                () -> QueryParser.parse(new RawQuery(filtering, null, null, null, null, null)));

        assertThat(error.getMessage()).hasSizeLessThan(400).contains("...'");
    }

    @Test
    void fiftyOneFilters_areRejected() {
        String filtering = String.join(",", Collections.nCopies(51, "id gt 1"));

        QueryException error = catchThrowableOfType(QueryException.class,
                () -> QueryParser.parse(new RawQuery(filtering, null, null, null, null, null)));

        assertThat(error.code()).isEqualTo(QueryException.BAD_FILTERING);
        assertThat(error.getMessage()).isEqualTo("Parameter 'filtering' has 51 filters. The maximum is 50.");
    }

    @Test
    void fiftyFilters_areAccepted() {
        String filtering = String.join(",", Collections.nCopies(50, "id gt 1"));

        Query query = QueryParser.parse(new RawQuery(filtering, null, null, null, null, null));

        assertThat(query.filters()).hasSize(50);
    }

    @Test
    void fiftyOneSortKeys_areRejected() {
        String sorting = String.join(",", Collections.nCopies(51, "name asc"));

        QueryException error = catchThrowableOfType(QueryException.class,
                () -> QueryParser.parse(new RawQuery(null, sorting, null, null, null, null)));

        assertThat(error.code()).isEqualTo(QueryException.BAD_SORTING);
        assertThat(error.getMessage()).isEqualTo("Parameter 'sorting' has 51 sort keys. The maximum is 50.");
    }
}
