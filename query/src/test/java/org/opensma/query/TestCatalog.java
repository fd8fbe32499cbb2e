package org.opensma.query;

import java.util.List;

import org.opensma.query.model.EntityCatalog;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.FieldType;
import org.opensma.query.model.ManyToMany;
import org.opensma.query.model.ManyToOne;
import org.opensma.query.model.RelationDefinition;
import org.opensma.query.model.ShapingLevel;

/** Small catalog shaped like KACE inventory: machines with software and a location. */
public final class TestCatalog {

    public static final RelationDefinition SOFTWARE = new RelationDefinition("software", "software", "Software",
            new ManyToMany("machine_software", "machine_id", "software_id"));

    public static final RelationDefinition LOCATION = new RelationDefinition("location", "location", "Location",
            new ManyToOne("location_id"));

    public static final EntityDefinition MACHINE = new EntityDefinition("machine", "Machines", "machine", "id",
            List.of(
                    field("Id", "id", FieldType.INTEGER, ShapingLevel.LIMITED),
                    field("Name", "name", FieldType.STRING, ShapingLevel.LIMITED),
                    field("Created", "created", FieldType.DATETIME, ShapingLevel.STANDARD),
                    field("Ram Total", "ram_total", FieldType.INTEGER, ShapingLevel.STANDARD),
                    field("Os_name", "os_name", FieldType.STRING, ShapingLevel.STANDARD),
                    field("Cpu_speed", "cpu_speed", FieldType.DECIMAL, ShapingLevel.EXTENDED),
                    field("Mac", "mac", FieldType.STRING, ShapingLevel.ALL)),
            List.of(SOFTWARE, LOCATION));

    public static final EntityDefinition SOFTWARE_ENTITY = new EntityDefinition("software", "Software", "software",
            "id",
            List.of(
                    field("Id", "id", FieldType.INTEGER, ShapingLevel.LIMITED),
                    field("Name", "name", FieldType.STRING, ShapingLevel.LIMITED),
                    field("Version", "version", FieldType.STRING, ShapingLevel.STANDARD),
                    field("Publisher", "publisher", FieldType.STRING, ShapingLevel.STANDARD)),
            List.of());

    public static final EntityDefinition LOCATION_ENTITY = new EntityDefinition("location", "Locations", "location",
            "id",
            List.of(
                    field("Id", "id", FieldType.INTEGER, ShapingLevel.LIMITED),
                    field("Name", "name", FieldType.STRING, ShapingLevel.LIMITED)),
            List.of());

    public static final EntityCatalog CATALOG = new EntityCatalog(List.of(MACHINE, SOFTWARE_ENTITY, LOCATION_ENTITY));

    private TestCatalog() {
    }

    private static FieldDefinition field(String name, String column, FieldType type, ShapingLevel level) {
        return new FieldDefinition(name, column, type, level);
    }
}
