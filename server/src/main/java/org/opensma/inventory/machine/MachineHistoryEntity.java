package org.opensma.inventory.machine;

import static org.opensma.query.model.FieldType.DATETIME;
import static org.opensma.query.model.FieldType.INTEGER;
import static org.opensma.query.model.FieldType.STRING;
import static org.opensma.query.model.ShapingLevel.ALL;
import static org.opensma.query.model.ShapingLevel.LIMITED;
import static org.opensma.query.model.ShapingLevel.STANDARD;

import java.util.List;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.KaceValues;
import org.opensma.query.model.EntityDefinition;
import org.opensma.query.model.FieldDefinition;
import org.opensma.query.model.ManyToOne;
import org.opensma.query.model.OneToMany;
import org.opensma.query.model.RelationDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bounded change history the ingest keeps per machine (software installed or removed,
 * hardware changed), shown as the machine relation {@code history}.
 */
@Configuration(proxyBeanMethods = false)
class MachineHistoryEntity {

    static final String NAME = "machine_history";

    /** The relation of the machine entity. */
    static RelationDefinition machineRelation() {
        return new RelationDefinition("history", NAME, "History", new OneToMany("machine_id"));
    }

    @Bean
    EntityView machineHistoryView() {
        List<FieldDefinition> fields = List.of(
                new FieldDefinition("Id", "id", INTEGER, LIMITED),
                new FieldDefinition("Occurred", "occurred_at", DATETIME, LIMITED),
                new FieldDefinition("Kind", "kind", STRING, LIMITED),
                new FieldDefinition("Detail", "detail", STRING, STANDARD),
                new FieldDefinition("Machine_id", "machine_id", INTEGER, ALL));
        EntityDefinition definition = new EntityDefinition(NAME, "History", "machine_history", "id", fields,
                List.of(new RelationDefinition(InventoryEntities.MACHINE, InventoryEntities.MACHINE, "Machines",
                        new ManyToOne("machine_id"))));
        return new EntityView(definition, "Change", KaceValues.STRINGS);
    }
}
