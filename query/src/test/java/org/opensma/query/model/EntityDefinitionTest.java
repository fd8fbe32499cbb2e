package org.opensma.query.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensma.query.TestCatalog.MACHINE;

import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.opensma.query.QueryException;
import org.opensma.query.TestCatalog;

class EntityDefinitionTest {

    private static FieldDefinition field(String name) {
        return new FieldDefinition(name, name.toLowerCase(java.util.Locale.ROOT).replace(' ', '_'), FieldType.STRING, ShapingLevel.LIMITED);
    }

    @Test
    void fieldLookup_ignoresCaseAndSpaceUnderscore() {
        assertThat(MACHINE.field("Ram Total")).map(FieldDefinition::column).contains("ram_total");
        assertThat(MACHINE.field("ram total")).map(FieldDefinition::column).contains("ram_total");
        assertThat(MACHINE.field("RAM_TOTAL")).map(FieldDefinition::column).contains("ram_total");
        assertThat(MACHINE.field("os_NAME")).map(FieldDefinition::name).contains("Os_name");
        assertThat(MACHINE.field("ramtotal")).isEmpty();
    }

    @Test
    void relationLookup_ignoresCase() {
        assertThat(MACHINE.relation("SOFTWARE")).contains(TestCatalog.SOFTWARE);
        assertThat(MACHINE.relation("soft")).isEmpty();
    }

    @Test
    void fieldsAt_returnsLevelAndLowerInDeclarationOrder() {
        assertThat(MACHINE.fieldsAt(ShapingLevel.LIMITED)).extracting(FieldDefinition::name)
                .containsExactly("Id", "Name");
        assertThat(MACHINE.fieldsAt(ShapingLevel.STANDARD)).extracting(FieldDefinition::name)
                .containsExactly("Id", "Name", "Created", "Ram Total", "Os_name");
        assertThat(MACHINE.fieldsAt(ShapingLevel.EXTENDED)).extracting(FieldDefinition::name)
                .containsExactly("Id", "Name", "Created", "Ram Total", "Os_name", "Cpu_speed");
        assertThat(MACHINE.fieldsAt(ShapingLevel.ALL)).hasSize(7);
    }

    @Test
    void duplicateFieldNames_areRejected() {
        assertThatThrownBy(() -> new EntityDefinition("thing", "Things", "thing", "id",
                List.of(field("Ram Total"), field("ram_total")), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Ram Total' and 'ram_total'");
    }

    @Test
    void emptyFieldList_isRejected() {
        assertThatThrownBy(() -> new EntityDefinition("thing", "Things", "thing", "id", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one field");
    }

    @Test
    void duplicateRelationNames_areRejected() {
        RelationDefinition relation = new RelationDefinition("owner", "user", "Owner", new ManyToOne("owner_id"));

        assertThatThrownBy(() -> new EntityDefinition("thing", "Things", "thing", "id", List.of(field("Id")),
                List.of(relation, relation)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relation 'owner' twice");
    }

    @Test
    void fieldNameWithPunctuation_isRejected() {
        assertThatThrownBy(() -> field("Os.name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be written in a filter");
    }

    @Test
    void catalog_rejectsMissingRelationTarget() {
        assertThatThrownBy(() -> new EntityCatalog(List.of(MACHINE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'machine.software' targets entity 'software'");
    }

    @Test
    void catalog_findsEntitiesInAnyCase() {
        assertThat(TestCatalog.CATALOG.get("MACHINE")).isSameAs(MACHINE);
        assertThat(TestCatalog.CATALOG.find("printer")).isEmpty();
        assertThatThrownBy(() -> TestCatalog.CATALOG.get("printer"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("machine, software, location");
    }

    @Test
    void shapingLevel_parsesAnyCaseAndRegular() {
        assertThat(ShapingLevel.parse("all")).isEqualTo(ShapingLevel.ALL);
        assertThat(ShapingLevel.parse("Limited")).isEqualTo(ShapingLevel.LIMITED);
        assertThat(ShapingLevel.parse("REGULAR")).isEqualTo(ShapingLevel.STANDARD);
        assertThat(ShapingLevel.fromText("huge")).isEmpty();
        assertThatThrownBy(() -> ShapingLevel.parse("huge"))
                .isInstanceOf(QueryException.class)
                .hasMessage("Unknown shaping level 'huge'. Accepted levels: LIMITED, STANDARD, EXTENDED, ALL"
                        + " (any case, and 'regular' for STANDARD).");
    }

    @Test
    void shapingLevel_includesLowerLevels() {
        assertThat(ShapingLevel.ALL.includes(ShapingLevel.LIMITED)).isTrue();
        assertThat(ShapingLevel.STANDARD.includes(ShapingLevel.STANDARD)).isTrue();
        assertThat(ShapingLevel.STANDARD.includes(ShapingLevel.EXTENDED)).isFalse();
    }
}
