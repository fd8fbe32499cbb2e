package org.opensma.query.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opensma.query.TestCatalog.LOCATION;
import static org.opensma.query.TestCatalog.LOCATION_ENTITY;
import static org.opensma.query.TestCatalog.MACHINE;
import static org.opensma.query.TestCatalog.SOFTWARE;
import static org.opensma.query.TestCatalog.SOFTWARE_ENTITY;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensma.query.QueryException;
import org.opensma.query.TestCatalog;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.ShapingLevel;
import org.opensma.query.syntax.Operator;
import org.opensma.query.syntax.QueryParser;
import org.opensma.query.syntax.RawQuery;

class QueryResolverTest {

    private final QueryResolver resolver = new QueryResolver(TestCatalog.CATALOG);

    private ResolvedQuery resolve(String filtering, String sorting, String shaping) {
        return resolver.resolve(QueryParser.parse(new RawQuery(filtering, sorting, null, shaping, null, null)), MACHINE);
    }

    private Condition condition(String filtering) {
        return resolve(filtering, null, null).conditions().get(0);
    }

    private static FieldDefinition machineField(String name) {
        return MACHINE.field(name).orElseThrow();
    }

    private static FieldDefinition softwareField(String name) {
        return SOFTWARE_ENTITY.field(name).orElseThrow();
    }

    @Test
    void extendedDeclaration_resolvesItsExtraFields_andAnyOtherDefinitionIsRefused() {
        FieldDefinition custom = new FieldDefinition("field_10", "field_10", org.opensma.query.model.FieldType.DECIMAL,
                ShapingLevel.STANDARD);
        var extended = MACHINE.withFields(List.of(custom));
        var query = QueryParser.parse(new RawQuery("field_10 gt 2.5", null, null, null, null, null));

        assertThat(resolver.resolve(query, extended).conditions()).containsExactly(
                new FieldCondition(custom, Operator.GT, List.of(new BigDecimal("2.5"))));
        assertThatThrownBy(() -> resolver.resolve(query, MACHINE)).isInstanceOf(QueryException.class);
        var renamed = new org.opensma.query.model.EntityDefinition("machine", "Machines", "other_table", "id",
                extended.fields(), MACHINE.relations());
        assertThatThrownBy(() -> resolver.resolve(query, renamed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baseField_matchesInAnyCaseAndWithPrefix() {
        FieldCondition expected = new FieldCondition(machineField("Name"), Operator.CONTAINS, List.of("hq"));

        assertThat(condition("Name co hq")).isEqualTo(expected);
        assertThat(condition("name co hq")).isEqualTo(expected);
        assertThat(condition("machine.NAME co hq")).isEqualTo(expected);
        assertThat(condition("Machine.name co hq")).isEqualTo(expected);
    }

    @Test
    void fieldWithSpace_matchesUnderscoreForm() {
        FieldCondition expected = new FieldCondition(machineField("Ram Total"), Operator.GT, List.of(1024L));

        assertThat(condition("ram_total gt 1024")).isEqualTo(expected);
        assertThat(condition("Ram_Total gt 1024")).isEqualTo(expected);
    }

    @Test
    void values_areTypedByField() {
        assertThat(condition("id in 1;3")).isEqualTo(
                new FieldCondition(machineField("Id"), Operator.IN, List.of(1L, 3L)));
        assertThat(condition("cpu_speed ge 2.5")).isEqualTo(
                new FieldCondition(machineField("Cpu_speed"), Operator.GE, List.of(new BigDecimal("2.5"))));
        assertThat(condition("created gt 2020-04-12 02:28:02")).isEqualTo(new FieldCondition(
                machineField("Created"), Operator.GT, List.of(LocalDateTime.of(2020, 4, 12, 2, 28, 2))));
        assertThat(condition("created lt 2020-4-2 2:28:02")).isEqualTo(new FieldCondition(
                machineField("Created"), Operator.LT, List.of(LocalDateTime.of(2020, 4, 2, 2, 28, 2))));
        assertThat(condition("created ge 2020-04-12")).isEqualTo(new FieldCondition(
                machineField("Created"), Operator.GE, List.of(LocalDateTime.of(2020, 4, 12, 0, 0))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            id eq abc|Invalid value 'abc' for integer field 'Id' in filter 'id eq abc'. Expected a whole number such as 42.
            id in 1;x|Invalid value 'x' for integer field 'Id'
            cpu_speed gt fast|Invalid value 'fast' for decimal field 'Cpu_speed'
            created gt yesterday|Invalid value 'yesterday' for datetime field 'Created' in filter 'created gt yesterday'. Expected a date and time 'YYYY-MM-DD HH:MM:SS' or a date 'YYYY-MM-DD'.
            created gt 2020-13-01|Invalid value '2020-13-01'
            created gt 2020-02-30 10:00:00|Invalid value '2020-02-30 10:00:00'
            created gt 0000-00-00 00:00:00|Invalid value '0000-00-00 00:00:00'
            software.id eq one|Invalid value 'one' for integer field 'Id'
            """)
    void badValue_isRejectedNamingFieldAndForm(String filtering, String message) {
        QueryException error = catchThrowableOfType(QueryException.class, () -> condition(filtering));

        assertThat(error.code()).isEqualTo(QueryException.BAD_VALUE);
        assertThat(error.getMessage()).contains(message);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            id co 5|Operator 'co' in 'id co 5' applies only to text fields, but field 'Id' is INTEGER.
            id nc 5|Operator 'nc'
            created st 2020|but field 'Created' is DATETIME
            cpu_speed ns 2|but field 'Cpu_speed' is DECIMAL
            ram_total en 0|Operator 'en'
            ram_total nend 0|Operator 'nen'
            software.id co 1|but field 'Id' is INTEGER
            """)
    void textOperatorOnNonTextField_isTypeMismatch(String filtering, String message) {
        QueryException error = catchThrowableOfType(QueryException.class, () -> condition(filtering));

        assertThat(error.code()).isEqualTo(QueryException.OPERATOR_TYPE_MISMATCH);
        assertThat(error.getMessage()).contains(message);
    }

    @Test
    void unknownField_isRejectedListingFields() {
        QueryException error = catchThrowableOfType(QueryException.class, () -> condition("colour eq red"));

        assertThat(error.code()).isEqualTo(QueryException.UNKNOWN_FIELD);
        assertThat(error.getMessage()).isEqualTo("Unknown field 'colour' of entity 'machine' in 'colour eq red'."
                + " Fields: Id, Name, Created, Ram Total, Os_name, Cpu_speed, Mac."
                + " Relations, usable as prefix 'relation.field': software, location.");
    }

    @Test
    void unknownRelatedField_isRejectedListingRelatedFields() {
        QueryException error = catchThrowableOfType(QueryException.class, () -> condition("software.colour eq red"));

        assertThat(error.code()).isEqualTo(QueryException.UNKNOWN_FIELD);
        assertThat(error.getMessage()).isEqualTo("Unknown field 'colour' of relation 'software' in"
                + " 'software.colour eq red'. Fields: Id, Name, Version, Publisher.");
    }

    @Test
    void unknownEntityPrefix_isRejectedListingBaseAndRelations() {
        QueryException error = catchThrowableOfType(QueryException.class, () -> condition("owner.name eq x"));

        assertThat(error.code()).isEqualTo(QueryException.UNKNOWN_ENTITY);
        assertThat(error.getMessage()).isEqualTo("Unknown entity 'owner' in 'owner.name eq x'."
                + " Use the base entity 'machine' or one of its relations: software, location.");
    }

    @Test
    void relationAsComparedField_isRejectedWithHint() {
        QueryException error = catchThrowableOfType(QueryException.class, () -> condition("software eq Word"));

        assertThat(error.code()).isEqualTo(QueryException.UNKNOWN_FIELD);
        assertThat(error.getMessage()).contains("'software' in 'software eq Word' is a relation, not a field",
                "'software ex'");
    }

    @Test
    void positiveRelatedFilter_isSemiJoin() {
        assertThat(condition("software.name eq Word")).isEqualTo(new RelatedCondition(SOFTWARE, SOFTWARE_ENTITY,
                new FieldCondition(softwareField("Name"), Operator.EQ, List.of("Word")), false));
    }

    @Test
    void negRel1_negativeRelatedFilter_becomesNegatedPositive() {
        assertThat(condition("software.name ne Word")).isEqualTo(new RelatedCondition(SOFTWARE, SOFTWARE_ENTITY,
                new FieldCondition(softwareField("Name"), Operator.EQ, List.of("Word")), true));
        assertThat(condition("software.name nc Off")).isEqualTo(new RelatedCondition(SOFTWARE, SOFTWARE_ENTITY,
                new FieldCondition(softwareField("Name"), Operator.CONTAINS, List.of("Off")), true));
        assertThat(condition("software.name ns Mic")).isEqualTo(new RelatedCondition(SOFTWARE, SOFTWARE_ENTITY,
                new FieldCondition(softwareField("Name"), Operator.STARTS_WITH, List.of("Mic")), true));
        assertThat(condition("software.name nen rd")).isEqualTo(new RelatedCondition(SOFTWARE, SOFTWARE_ENTITY,
                new FieldCondition(softwareField("Name"), Operator.ENDS_WITH, List.of("rd")), true));
        assertThat(condition("software.id nin 1;2")).isEqualTo(new RelatedCondition(SOFTWARE, SOFTWARE_ENTITY,
                new FieldCondition(softwareField("Id"), Operator.IN, List.of(1L, 2L)), true));
    }

    @Test
    void existence_acceptsRelationAndRelationField() {
        ExistsCondition exists = new ExistsCondition(LOCATION, LOCATION_ENTITY, false);

        assertThat(condition("location ex")).isEqualTo(exists);
        assertThat(condition("location.id ex")).isEqualTo(exists);
        assertThat(condition("LOCATION.Name ex")).isEqualTo(exists);
        assertThat(condition("software nex")).isEqualTo(new ExistsCondition(SOFTWARE, SOFTWARE_ENTITY, true));
    }

    @Test
    void existenceOnBaseField_isRejected() {
        QueryException error = catchThrowableOfType(QueryException.class, () -> condition("name ex"));

        assertThat(error.code()).isEqualTo(QueryException.BAD_OPERATOR);
        assertThat(error.getMessage()).isEqualTo("Operator 'ex' in 'name ex' tests whether related data exists,"
                + " so it needs a relation name, and 'name' is not one. Relations of 'machine': software, location.");
    }

    @Test
    void existenceOnUnknownName_isUnknownField() {
        QueryException error = catchThrowableOfType(QueryException.class, () -> condition("printer nex"));

        assertThat(error.code()).isEqualTo(QueryException.UNKNOWN_FIELD);
        assertThat(error.getMessage()).contains("'printer' is not one");
    }

    @Test
    void wildcard_coversTextFieldsOfItsEntity() {
        List<FieldDefinition> machineText = List.of(machineField("Name"), machineField("Os_name"), machineField("Mac"));

        assertThat(condition("* eq jdoe")).isEqualTo(new AnyFieldCondition(machineText, Operator.EQ, "jdoe"));
        assertThat(condition("machine.* co ABC")).isEqualTo(new AnyFieldCondition(machineText, Operator.CONTAINS, "ABC"));
        assertThat(condition("software.* nc ABC")).isEqualTo(new RelatedCondition(SOFTWARE, SOFTWARE_ENTITY,
                new AnyFieldCondition(List.of(softwareField("Name"), softwareField("Version"),
                        softwareField("Publisher")), Operator.CONTAINS, "ABC"), true));
    }

    @Test
    void wildcardWithComparison_isRejected() {
        QueryException error = catchThrowableOfType(QueryException.class, () -> condition("* gt 5"));

        assertThat(error.code()).isEqualTo(QueryException.BAD_OPERATOR);
        assertThat(error.getMessage()).isEqualTo("Operator 'gt' in '* gt 5' does not apply to the wildcard field"
                + " '*'. Operators for '*': eq, ne, co, nc, st, ns, en, nen.");
    }

    @Test
    void shaping_defaultsBaseToStandardAndLeavesRelationsOut() {
        ResolvedQuery query = resolve("software.name eq Word", null, null);

        assertThat(query.baseLevel()).isEqualTo(ShapingLevel.STANDARD);
        assertThat(query.includedRelations()).isEmpty();
    }

    @Test
    void shaping_includesNamedRelationsAtTheirLevel() {
        ResolvedQuery query = resolve(null, null, "machine all,software limited");

        assertThat(query.baseLevel()).isEqualTo(ShapingLevel.ALL);
        assertThat(query.includedRelations()).containsExactly(Map.entry(SOFTWARE, ShapingLevel.LIMITED));
    }

    @Test
    void sortingOnRelation_includesItAtStandard() {
        ResolvedQuery query = resolve(null, "location.name desc,Name", "software extended");

        assertThat(query.includedRelations()).containsExactly(
                Map.entry(SOFTWARE, ShapingLevel.EXTENDED),
                Map.entry(LOCATION, ShapingLevel.STANDARD));
        assertThat(query.sorts()).containsExactly(
                new ResolvedSort(LOCATION, LOCATION_ENTITY.field("Name").orElseThrow(), true),
                new ResolvedSort(null, machineField("Name"), false));
    }

    @Test
    void sortingOnShapedRelation_keepsShapedLevel() {
        ResolvedQuery query = resolve(null, "software.name", "software limited");

        assertThat(query.includedRelations()).containsExactly(Map.entry(SOFTWARE, ShapingLevel.LIMITED));
    }

    @Test
    void shapingUnknownEntity_isRejectedListingChoices() {
        QueryException error = catchThrowableOfType(QueryException.class,
                () -> resolve(null, null, "machine all,printers limited"));

        assertThat(error.code()).isEqualTo(QueryException.UNKNOWN_ENTITY);
        assertThat(error.getMessage()).contains("Unknown entity 'printers'",
                "Use the base entity 'machine' or one of its relations: software, location.");
    }

    @Test
    void sortingUnknownField_isRejected() {
        QueryException error = catchThrowableOfType(QueryException.class, () -> resolve(null, "colour desc", null));

        assertThat(error.code()).isEqualTo(QueryException.UNKNOWN_FIELD);
        assertThat(error.getMessage()).startsWith("Unknown field 'colour' of entity 'machine' in 'colour desc'.");
    }

    @Test
    void pagingAndCounts_passThrough() {
        ResolvedQuery query = resolver.resolve(QueryParser.parse(
                new RawQuery(null, null, "offset 2 limit 2", null, "false", "true")), MACHINE);

        assertThat(query.page().limit()).isEqualTo(2);
        assertThat(query.page().offset()).isEqualTo(2);
        assertThat(query.useCount()).isFalse();
        assertThat(query.countOnly()).isTrue();
    }

    @Test
    void baseOutsideCatalog_isRejected() {
        assertThatThrownBy(() -> new QueryResolver(new org.opensma.query.model.EntityCatalog(
                List.of(SOFTWARE_ENTITY))).resolve(QueryParser.parse(RawQuery.EMPTY), MACHINE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
