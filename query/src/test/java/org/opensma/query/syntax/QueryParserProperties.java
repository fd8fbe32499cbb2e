package org.opensma.query.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opensma.query.QueryException;
import org.opensma.query.model.ShapingLevel;

/** Properties of the parser over generated input. The seed is fixed so that runs repeat. */
class QueryParserProperties {

    /** Characters that reach the parser's branches: separators, parentheses, dots, digits and operator letters. */
    private static final String SYNTAX_CHARACTERS = "abcdefilmnoqrstxyzALIMT0123456789 ,;().*_-:\t";

    private static final List<String> SYNTAX_WORDS = List.of(
            "eq", "neq", "co", "nin", "in", "ex", "nex", "limit", "offset", "all", "ALL", "asc", "desc",
            "machine", "software.name", "*", "(", ")", ";", ",", " ", "0", "50", "regular", "limited");

    @Property(tries = 300, seed = "4711")
    void parser_throwsOnlyQueryException(@ForAll("parameters") String filtering, @ForAll("parameters") String sorting,
            @ForAll("parameters") String paging, @ForAll("parameters") String shaping,
            @ForAll("parameters") String useCount) {
        RawQuery raw = new RawQuery(filtering, sorting, paging, shaping, useCount, useCount);

        try {
            QueryParser.parse(raw);
        } catch (QueryException e) {
            assertThat(e.code()).startsWith("QUERY_");
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300, seed = "4711")
    void canonicalText_reparsesToEqualQuery(@ForAll("queries") Query query) {
        Query reparsed = QueryParser.parse(query.toRawQuery());

        assertThat(reparsed).isEqualTo(query);
        assertThat(reparsed.toString()).isEqualTo(query.toString());
    }

    @Provide
    Arbitrary<String> parameters() {
        Arbitrary<String> syntaxLike = Arbitraries.strings().withChars(SYNTAX_CHARACTERS).ofMaxLength(60);
        Arbitrary<String> wordSoup = Arbitraries.of(SYNTAX_WORDS).list().ofMaxSize(12)
                .map(words -> String.join(" ", words));
        Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(40);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, syntaxLike),
                net.jqwik.api.Tuple.of(4, wordSoup),
                net.jqwik.api.Tuple.of(2, anyText),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<List<Filter>> filters = filter().list().ofMaxSize(5);
        Arbitrary<List<Sort>> sorts = Combinators.combine(fieldRef(false), Arbitraries.of(true, false))
                .as(Sort::new).list().ofMaxSize(3);
        Arbitrary<Page> pages = Combinators.combine(
                Arbitraries.longs().between(0, 100_000).injectNull(0.2),
                Arbitraries.longs().between(0, 100_000))
                .as(Page::new);
        return Combinators.combine(filters, sorts, pages, shape(), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(Query::new);
    }

    private static Arbitrary<String> name() {
        return Arbitraries.strings().withChars("abcXYZ_019").ofMinLength(1).ofMaxLength(8);
    }

    private static Arbitrary<FieldRef> fieldRef(boolean wildcardAllowed) {
        Arbitrary<String> field = wildcardAllowed
                ? Arbitraries.oneOf(name(), Arbitraries.just(FieldRef.WILDCARD))
                : name();
        return Combinators.combine(name().injectNull(0.5), field).as(FieldRef::new);
    }

    /** Values hold spaces, parentheses and dashes inside, but no comma and no whitespace at either end. */
    private static Arbitrary<String> value(boolean listItem) {
        String characters = listItem ? "abC 12-:().*" : "abC 12-:().*;";
        return Arbitraries.strings().withChars(characters).ofMinLength(1).ofMaxLength(12)
                .map(String::strip)
                .filter(text -> !text.isEmpty());
    }

    private static Arbitrary<Filter> filter() {
        return Combinators.combine(fieldRef(true), Arbitraries.of(Operator.class), value(true).list().ofMinSize(1)
                .ofMaxSize(3), value(false))
                .as(QueryParserProperties::filterOf);
    }

    private static Filter filterOf(FieldRef field, Operator operator, List<String> items, String value) {
        if (operator.takesNoValue()) {
            return new Filter(field, operator, List.of());
        }
        if (operator.takesList()) {
            return new Filter(field, operator, items);
        }
        return new Filter(field, operator, List.of(value));
    }

    private static Arbitrary<Shape> shape() {
        return Combinators.combine(name(), Arbitraries.of(ShapingLevel.class)).as(Map::entry).list().ofMaxSize(4)
                .map(entries -> {
                    Map<String, ShapingLevel> levels = new LinkedHashMap<>();
                    new ArrayList<>(entries).forEach(entry ->
                            levels.putIfAbsent(entry.getKey().toLowerCase(java.util.Locale.ROOT), entry.getValue()));
                    return new Shape(levels);
                });
    }
}
