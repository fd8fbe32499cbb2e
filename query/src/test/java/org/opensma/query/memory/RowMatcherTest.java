package org.opensma.query.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensma.query.TestCatalog;
import org.opensma.query.resolve.QueryResolver;
import org.opensma.query.resolve.ResolvedQuery;
import org.opensma.query.syntax.QueryParser;
import org.opensma.query.syntax.RawQuery;

/**
 * Truth table of every operator over a row with a value, a row with NULL and a row without
 * related rows. Machine 1 is PC-Alpha with Word and Excel at HQ, machine 2 has only NULLs and
 * Office Word, machine 3 is pc-beta without software or location.
 */
class RowMatcherTest {

    private static final QueryResolver RESOLVER = new QueryResolver(TestCatalog.CATALOG);

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            name eq pc-alpha|1
            name ne pc-alpha|2 3
            name co PC|1 3
            name nc PC|2
            name st pc-|1 3
            name ns pc-|2
            name en BETA|3
            name nen beta|1 2
            name in pc-alpha;PC-BETA|1 3
            name nin pc-alpha|2 3
            name lt pc-b|1 2
            name ge pc-b|3
            ram_total gt 1024|3
            ram_total ge 1024|1 3
            ram_total lt 2048|1
            ram_total le 2048|1 3
            ram_total eq 1024|1
            ram_total ne 1024|2 3
            ram_total in 1024;2048|1 3
            ram_total nin 1024|2 3
            cpu_speed gt 2|1
            cpu_speed le 2.5|1 3
            created gt 2019-12-31|1 3
            created lt 2020-06-01|1
            created ne 2020-01-01 08:00:00|2 3
            id nin 1;2|3
            software.name eq word|1
            software.name co word|1 2
            software.name ne Word|2 3
            software.name nc word|3
            software.name st off|2
            software.name ns off|1 3
            software.name en cel|1
            software.name nen cel|2 3
            software.id in 2;3|1 2
            software.id nin 1;2|2 3
            software.id gt 2|2
            software ex|1 2
            software nex|3
            software.name ex|1 2
            location ex|1
            location nex|2 3
            location.name eq hq|1
            location.name ne hq|2 3
            * co alpha|1
            * eq jdoe|
            * nc pc|2
            * ne pc-beta|1 2
            software.* co excel|1
            software.* nc word|3
            name co pc,ram_total gt 1500|3
            software.name co word,location nex|2
            """)
    void filter_matchesExpectedMachines(String filtering, String expectedIds) {
        ResolvedQuery query = RESOLVER.resolve(
                QueryParser.parse(new RawQuery(filtering, null, null, null, null, null)), TestCatalog.MACHINE);

        List<Object> ids = MachineRows.ALL.stream().filter(RowMatcher.of(query)).map(MachineRows::id).toList();

        assertThat(ids).isEqualTo(parseIds(expectedIds));
    }

    private static List<Object> parseIds(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(" ")).map(id -> (Object) Long.valueOf(id)).toList();
    }
}
