package org.opensma.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.opensma.platform.query.EntityView;
import org.opensma.query.SeedMachine.SeedSoftware;
import org.opensma.query.memory.InMemoryQuery;
import org.opensma.query.memory.Row;
import org.opensma.query.model.EntityCatalog;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.FieldType;
import org.opensma.query.resolve.QueryResolver;
import org.opensma.query.resolve.ResolvedQuery;
import org.opensma.query.syntax.Operator;
import org.opensma.query.syntax.QueryParser;
import org.opensma.query.syntax.RawQuery;
import org.opensma.support.ApiClient;
import org.opensma.support.ApiResponse;
import org.opensma.support.ApiTestBase;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.JsonNode;

/**
 * Compares the server's machine list with the reference evaluator {@link InMemoryQuery} for
 * generated filters, sorts and pages, on whichever database the suite runs. The server is the
 * suite's shared Spring context, taken from Spring's context cache because jqwik does not run
 * Spring's JUnit extension. The seed is fixed so that runs repeat.
 */
class MachineQueryProperties extends ApiTestBase {

    private static final String PREFIX = "qpr-";
    private static final String OWN_FILTER = "name st " + PREFIX;
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String RANDOM_TEXT_CHARS = "abcqprxyzABC-_%!. 0123456789éÄ";

    private static ApiClient admin;
    private static EntityDefinition machine;
    private static EntityDefinition software;
    private static QueryResolver resolver;
    private static List<Row> rows;
    /** Values that occur in each column, keyed by entity and column, to draw filter values from. */
    private static Map<String, List<String>> shownValues;

    @BeforeContainer
    static void seedMachines() {
        ApplicationContext context = new TestContextManager(MachineQueryProperties.class).getTestContext()
                .getApplicationContext();
        String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        machine = context.getBean("machineView", EntityView.class).definition();
        software = context.getBean("softwareView", EntityView.class).definition();
        resolver = new QueryResolver(context.getBean(EntityCatalog.class));

        List<SeedMachine> seeded = seedData();
        ApiClient agent = new ApiClient(base);
        for (int i = 0; i < seeded.size(); i++) {
            seeded.get(i).ingest(agent, "qpr%02d".formatted(i));
        }
        admin = new ApiClient(base);
        admin.login("admin", ADMIN_PASSWORD);
        rows = readRows(seeded);
    }

    /** About 40 machines with mixed case, spaces, LIKE wildcards and accents, and overlapping software. */
    private static List<SeedMachine> seedData() {
        List<SeedSoftware> titles = List.of(
                new SeedSoftware("QprWord", "16.0", "Contoso"),
                new SeedSoftware("QprWord", "15.0", "Contoso"),
                new SeedSoftware("qprexcel", "16.0", "Contoso"),
                new SeedSoftware("QprFirefox", "128.0", "Mozilla"),
                new SeedSoftware("Qpr 7-Zip", "23.01", "Igor Pavlov"),
                new SeedSoftware("QprRédacteur", "2.1", "Société Éditrice"),
                new SeedSoftware("Qpr100%_Tool", "1", ""),
                new SeedSoftware("QprAgent", "", "OpenSMA"));
        List<String> names = List.of("Alpha", "alpha-2", "BETA", "beta 3", "Gamma_1", "gamma%2", "Delta!x",
                "délta", "Épsilon", "zeta", "Zeta", "eta 10", "eta 9", "theta", "IOTA", "kappa.lan", "lambda",
                "Mu", "nu", "xi xi", "omicron", "Pi", "rho", "Sigma", "tau", "upsilon", "PHI", "chi", "psi",
                "omega", "a", "B", "c c", "d_d", "e%e", "f!f", "g.G", "hh", "Ii", "jj");
        List<String> systems = List.of("Windows 10 Pro", "Windows 11", "Debian GNU/Linux 12", "Ubuntu 24.04",
                "macOS 14", "");
        List<SeedMachine> machines = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<SeedSoftware> installed = new ArrayList<>();
            for (int t = 0; t < titles.size(); t++) {
                if ((i * 7 + t * 3) % 5 < 2 && i % 6 != 5) {
                    installed.add(titles.get(t));
                }
            }
            long ram = i % 9 == 0 ? 0 : 512L * ((i * 13) % 17 + 1);
            String ip = i % 8 == 7 ? "" : "10.%d.%d.%d".formatted(i % 3, i % 11, i);
            machines.add(new SeedMachine(PREFIX + names.get(i), systems.get(i % systems.size()), ram, ip, installed));
        }
        return machines;
    }

    /**
     * Builds the reference rows. Name, OS, RAM, IP and software come from what was seeded, and the
     * test checks that the server stored them. The other columns (ids, times, fields the agent
     * leaves empty) are read back from {@code machine all,software all}.
     */
    private static List<Row> readRows(List<SeedMachine> seeded) {
        ApiResponse response = admin.get("/api/inventory/machines?paging=limit%20ALL&shaping="
                + ApiClient.encode("machine all,software all") + "&filtering=" + ApiClient.encode(OWN_FILTER));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, SeedMachine> byName = new HashMap<>();
        seeded.forEach(seed -> byName.put(seed.name(), seed));

        List<Row> result = new ArrayList<>();
        shownValues = new HashMap<>();
        for (JsonNode item : response.json().get("Machines")) {
            SeedMachine seed = byName.get(item.get("Name").asString());
            assertThat(seed).as("seeded machine named %s", item.get("Name")).isNotNull();
            assertThat(item.get("Os_name").asString()).isEqualTo(seed.osName());
            assertThat(item.get("Ip").asString()).isEqualTo(seed.ip());
            assertThat(item.get("Ram Total").asString()).isEqualTo(seed.ramMb() + " MB");

            Map<String, Object> values = columns(machine, item);
            values.put("name", seed.name());
            values.put("os_name", seed.osName());
            values.put("ip", seed.ip());
            values.put("ram_total_mb", seed.ramMb());

            List<Map<String, Object>> titles = new ArrayList<>();
            for (JsonNode title : item.get("Software")) {
                titles.add(columns(software, title));
            }
            assertThat(titles.stream().map(title -> title.get("display_name") + " " + title.get("display_version"))
                    .toList())
                    .containsExactlyInAnyOrderElementsOf(seed.software().stream()
                            .map(title -> title.name() + " " + title.version()).toList());
            result.add(new Row(values, Map.of("software", titles)));
        }
        assertThat(result).hasSize(seeded.size());
        return result;
    }

    /** Reads the shown values of one item back into column values of the field types. */
    private static Map<String, Object> columns(EntityDefinition entity, JsonNode item) {
        Map<String, Object> values = new HashMap<>();
        for (FieldDefinition field : entity.fields()) {
            String shown = item.get(field.name()).asString();
            Object value = switch (field.type()) {
                case STRING -> shown;
                case INTEGER -> shown.isEmpty() ? null : Long.valueOf(shown.replace(" MB", ""));
                case DECIMAL -> shown.isEmpty() ? null : new java.math.BigDecimal(shown);
                case DATETIME -> shown.startsWith("0000") ? null : LocalDateTime.parse(shown, SHOWN_TIME);
            };
            // The agent endpoint never writes ram_used_mb, and the machine renderer shows NULL as "0".
            if (field.column().equals("ram_used_mb")) {
                value = null;
            }
            values.put(field.column(), value);
            if (!shown.isEmpty()) {
                shownValues.computeIfAbsent(entity.name() + "." + field.column(), key -> new ArrayList<>()).add(shown);
            }
        }
        return values;
    }

    @Property(tries = 150, seed = "20261204")
    void serverList_matchesInMemoryQuery(@ForAll("filterings") List<String> filters,
            @ForAll("sortings") String sorting, @ForAll("pagings") String paging) {
        List<String> all = new ArrayList<>();
        all.add(OWN_FILTER);
        all.addAll(filters);
        String filtering = String.join(",", all);

        StringBuilder url = new StringBuilder("/api/inventory/machines?filtering=").append(ApiClient.encode(filtering));
        if (!sorting.isEmpty()) {
            url.append("&sorting=").append(ApiClient.encode(sorting));
        }
        if (!paging.isEmpty()) {
            url.append("&paging=").append(ApiClient.encode(paging));
        }
        ApiResponse response = admin.get(url.toString());
        Statistics.label("status").collect(response.status());

        InMemoryQuery.Result expected;
        try {
            ResolvedQuery query = resolver.resolve(QueryParser.parse(
                    new RawQuery(filtering, sorting, paging, null, null, null)), machine);
            expected = InMemoryQuery.execute(query, rows);
        } catch (QueryException e) {
            assertThat(response.status()).as("%s gives %s", url, response.body()).isEqualTo(400);
            assertThat(response.json().get("errorDescription").asString()).isEqualTo(e.getMessage());
            return;
        }
        assertThat(response.status()).as("%s gives %s", url, response.body()).isEqualTo(200);
        List<String> expectedIds = expected.rows().stream().map(row -> row.values().get("id").toString()).toList();
        assertThat(SeedMachine.ids(response)).as("ids of %s", url).containsExactlyElementsOf(expectedIds);
        assertThat(response.json().get("Count").asLong()).as("Count of %s", url).isEqualTo(expected.count());
    }

    @Provide
    Arbitrary<List<String>> filterings() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, fieldFilter(machine, "")),
                Tuple.of(3, fieldFilter(software, "software.")),
                Tuple.of(1, wildcardFilter()),
                Tuple.of(1, Arbitraries.of("software ex", "software nex", "software.id ex", "SOFTWARE NEX")))
                .list().ofMaxSize(3);
    }

    private Arbitrary<String> fieldFilter(EntityDefinition entity, String prefix) {
        return Arbitraries.of(entity.fields()).flatMap(field -> {
            List<Operator> operators = operatorsFor(field.type());
            return Combinators.combine(Arbitraries.of(operators), Arbitraries.of(field.name(),
                            field.name().toLowerCase(), field.name().toUpperCase()))
                    .flatAs((operator, name) -> value(entity, field, operator)
                            .map(value -> prefix + name.replace(' ', '_') + " " + tokenFor(operator, name) + " "
                                    + value));
        });
    }

    /** Returns one of the operator's tokens, choosing alias and case from the field name so that all forms occur. */
    private static String tokenFor(Operator operator, String name) {
        List<String> tokens = operator.tokens();
        String token = tokens.get(name.length() % tokens.size());
        return name.length() % 4 == 0 ? token.toUpperCase() : token;
    }

    private Arbitrary<String> wildcardFilter() {
        List<Operator> operators = List.of(Operator.EQ, Operator.NE, Operator.CONTAINS, Operator.NOT_CONTAINS,
                Operator.STARTS_WITH, Operator.NOT_STARTS_WITH, Operator.ENDS_WITH, Operator.NOT_ENDS_WITH);
        FieldDefinition name = machine.field("Name").orElseThrow();
        FieldDefinition title = software.field("DISPLAY_NAME").orElseThrow();
        return Combinators.combine(Arbitraries.of(operators), Arbitraries.of("* ", "machine.* ", "software.* "))
                .flatAs((operator, target) -> value(target.startsWith("software") ? software : machine,
                        target.startsWith("software") ? title : name, operator)
                        .map(value -> target + operator.token() + " " + value));
    }

    private static List<Operator> operatorsFor(FieldType type) {
        List<Operator> operators = new ArrayList<>(List.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE,
                Operator.GT, Operator.GE, Operator.IN, Operator.NOT_IN));
        if (type == FieldType.STRING) {
            operators.addAll(List.of(Operator.CONTAINS, Operator.NOT_CONTAINS, Operator.STARTS_WITH,
                    Operator.NOT_STARTS_WITH, Operator.ENDS_WITH, Operator.NOT_ENDS_WITH));
        }
        return operators;
    }

    private Arbitrary<String> value(EntityDefinition entity, FieldDefinition field, Operator operator) {
        Arbitrary<String> single = singleValue(entity, field);
        if (!operator.takesList()) {
            return single;
        }
        return single.list().ofMinSize(1).ofMaxSize(3).flatMap(values -> Arbitraries.of(
                String.join(";", values), "(" + String.join(";", values) + ")"));
    }

    private Arbitrary<String> singleValue(EntityDefinition entity, FieldDefinition field) {
        List<String> seen = shownValues.getOrDefault(entity.name() + "." + field.column(), List.of());
        Arbitrary<String> fromData = seen.isEmpty() ? Arbitraries.just("0") : Arbitraries.of(seen);
        return switch (field.type()) {
            case STRING -> Arbitraries.frequencyOf(
                    Tuple.of(4, fromData),
                    Tuple.of(3, fromData.flatMap(MachineQueryProperties::part)),
                    Tuple.of(2, Arbitraries.strings().withChars(RANDOM_TEXT_CHARS).ofMinLength(1).ofMaxLength(5)
                            .filter(text -> !text.isBlank())));
            case INTEGER, DECIMAL -> Arbitraries.frequencyOf(
                    Tuple.of(4, fromData.map(text -> text.replace(" MB", ""))),
                    Tuple.of(2, fromData.map(text -> text.replace(" MB", ""))
                            .flatMap(text -> Arbitraries.longs().between(-1, 1)
                                    .map(delta -> Long.toString(Long.parseLong(text) + delta)))),
                    Tuple.of(1, Arbitraries.longs().between(-5, 70_000).map(Object::toString)));
            case DATETIME -> Arbitraries.frequencyOf(
                    Tuple.of(4, fromData.filter(text -> !text.startsWith("0000"))),
                    Tuple.of(2, fromData.filter(text -> !text.startsWith("0000")).flatMap(text ->
                            Arbitraries.integers().between(-2, 2).map(delta -> LocalDateTime.parse(text, SHOWN_TIME)
                                    .plusSeconds(delta).format(SHOWN_TIME)))),
                    Tuple.of(1, fromData.filter(text -> !text.startsWith("0000")).map(text -> text.substring(0, 10))),
                    Tuple.of(1, Arbitraries.of("2020-1-2 3:04:05", "2099-12-31", "2000-01-01 00:00:00")));
        };
    }

    /** Generates substrings of {@code text}, sometimes upper-cased, as values for co, st and en. */
    private static Arbitrary<String> part(String text) {
        return Combinators.combine(Arbitraries.integers().between(0, text.length() - 1),
                        Arbitraries.integers().between(1, text.length()), Arbitraries.of(true, false))
                .as((start, length, upper) -> {
                    String part = text.substring(start, Math.min(text.length(), start + length));
                    return upper ? part.toUpperCase() : part;
                })
                .filter(part -> !part.isBlank());
    }

    @Provide
    Arbitrary<String> sortings() {
        List<String> keys = new ArrayList<>();
        machine.fields().forEach(field -> keys.add(field.name().replace(' ', '_')));
        software.fields().forEach(field -> keys.add("software." + field.name()));
        keys.add("software.name");
        keys.add("machine.name");
        Arbitrary<String> key = Combinators.combine(Arbitraries.of(keys), Arbitraries.of("", " asc", " desc", " DESC"))
                .as((field, direction) -> field + direction);
        return key.list().ofMaxSize(3).map(list -> String.join(",", new LinkedHashSet<>(list)));
    }

    @Provide
    Arbitrary<String> pagings() {
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.of("limit ALL", "limit 0", "limit all"),
                Arbitraries.integers().between(1, 45).map(Object::toString),
                Combinators.combine(Arbitraries.integers().between(1, 15), Arbitraries.integers().between(0, 45),
                        Arbitraries.of(true, false))
                        .as((limit, offset, limitFirst) -> limitFirst
                                ? "limit " + limit + " offset " + offset
                                : "offset " + offset + " limit " + limit));
    }
}
