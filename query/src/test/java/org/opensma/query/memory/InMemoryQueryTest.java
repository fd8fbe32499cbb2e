package org.opensma.query.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensma.query.TestCatalog;
import org.opensma.query.resolve.QueryResolver;
import org.opensma.query.resolve.ResolvedQuery;
import org.opensma.query.syntax.Page;
import org.opensma.query.syntax.QueryParser;
import org.opensma.query.syntax.RawQuery;

class InMemoryQueryTest {

    private static final QueryResolver RESOLVER = new QueryResolver(TestCatalog.CATALOG);

    private static ResolvedQuery resolve(String filtering, String sorting, String paging) {
        return RESOLVER.resolve(QueryParser.parse(new RawQuery(filtering, sorting, paging, null, null, null)),
                TestCatalog.MACHINE);
    }

    private static List<Object> ids(List<Row> rows) {
        return rows.stream().map(MachineRows::id).toList();
    }

    @ParameterizedTest(name = "[{index}] sorting={0}")
    @CsvSource(delimiter = '|', textBlock = """
            name asc|2 1 3
            name desc|3 1 2
            NAME|2 1 3
            ram_total desc|3 1 2
            created asc|2 1 3
            cpu_speed asc|2 3 1
            software.name asc|3 1 2
            software.name desc|1 2 3
            os_name desc|1 2 3
            os_name asc,name desc|3 1 2
            """)
    void sorting_ordersNullsFirstAndBreaksTiesById(String sorting, String expectedIds) {
        ResolvedQuery query = resolve(null, sorting, "limit all");

        List<Row> rows = InMemoryQuery.execute(query, MachineRows.ALL).rows();

        assertThat(ids(rows)).map(Object::toString).containsExactly(expectedIds.split(" "));
    }

    @Test
    void equalTextsInDifferentCase_tieAndSortById() {
        Row upper = new Row(MachineRows.columns("id", 20L, "name", "ABC"));
        Row lower = new Row(MachineRows.columns("id", 10L, "name", "abc"));

        List<Row> rows = InMemoryQuery.execute(resolve(null, "name desc", null), List.of(upper, lower)).rows();

        assertThat(ids(rows)).containsExactly(10L, 20L);
    }

    @Test
    void paging_returnsWindowAndFullCount() {
        List<Row> machines = new ArrayList<>();
        IntStream.rangeClosed(1, 120).forEach(id -> machines.add(new Row(MachineRows.columns("id", (long) id))));

        assertThat(InMemoryQuery.execute(resolve(null, null, null), machines).rows()).hasSize(50);
        assertThat(InMemoryQuery.execute(resolve(null, null, "limit 0"), machines).rows()).hasSize(120);
        assertThat(InMemoryQuery.execute(resolve(null, null, "limit ALL"), machines).rows()).hasSize(120);
        assertThat(ids(InMemoryQuery.execute(resolve(null, null, "offset 2 limit 2"), machines).rows()))
                .containsExactly(3L, 4L);
        assertThat(InMemoryQuery.execute(resolve(null, null, "offset 500"), machines).rows()).isEmpty();
        assertThat(InMemoryQuery.execute(resolve("id gt 100", null, "limit 5"), machines).count()).isEqualTo(20);
    }

    @Test
    void slice_clampsAtTheEnd() {
        List<Integer> numbers = List.of(1, 2, 3, 4, 5);

        assertThat(PageSlicer.slice(numbers, new Page(2L, 4))).containsExactly(5);
        assertThat(PageSlicer.slice(numbers, new Page(null, 1))).containsExactly(2, 3, 4, 5);
        assertThat(PageSlicer.slice(numbers, new Page(3L, 5))).isEmpty();
    }
}
