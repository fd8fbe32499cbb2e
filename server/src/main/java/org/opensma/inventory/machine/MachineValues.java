package org.opensma.inventory.machine;

import java.time.ZoneId;
import org.opensma.platform.query.KaceValues;
import org.opensma.query.model.FieldDefinition;

/** Machine values as the appliance shows them: all strings, with RAM total carrying its unit. */
final class MachineValues {

    static final String RAM_TOTAL = "Ram Total";

    private MachineValues() {
    }

    static Object render(FieldDefinition field, Object value, ZoneId zone) {
        if (field.name().equals(RAM_TOTAL)) {
            return (value == null ? "0" : value.toString()) + " MB";
        }
        if (value == null && field.name().equals("Ram_used")) {
            return "0";
        }
        return KaceValues.STRINGS.render(field, value, zone);
    }
}
