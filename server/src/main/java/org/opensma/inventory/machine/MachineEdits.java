package org.opensma.inventory.machine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.opensma.inventory.persistence.InventoryTables;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the machine objects of a create or update body into column values. Keys match in
 * any case, and a space equals an underscore, so {@code Ram Total}, {@code ram_total} and
 * {@code RAM_TOTAL} are one field. Every mistake is a 400 that names the field and what is
 * accepted. Nothing is cut or guessed.
 */
final class MachineEdits {

    /** How a field's value is read. */
    enum Kind {
        /** A JSON string. Null clears it. */
        TEXT,
        /**
         * Megabytes: a JSON number or a string such as {@code 2048}, {@code 2048 MB}, {@code 2 GB}
         * or {@code 2048 Bytes}, the appliance's own label for this megabyte count. Decimals round
         * to the nearest megabyte, and null or "" means unknown.
         */
        MEGABYTES
    }

    /**
     * One writable field.
     *
     * @param agentOwned whether an agent reports the field, so it is editable on manual machines only
     */
    record Editable(String key, String column, Kind kind, int width, boolean agentOwned) {

        Field<?> field() {
            return kind == Kind.TEXT
                    ? InventoryTables.machine(column, SQLDataType.VARCHAR)
                    : InventoryTables.machine(column, SQLDataType.BIGINT);
        }
    }

    private static final List<Editable> EDITABLE = List.of(
            new Editable("Notes", "notes", Kind.TEXT, 4000, false),
            new Editable("Asset_tag", "asset_tag", Kind.TEXT, 255, false),
            new Editable("User", "machine_user", Kind.TEXT, 255, false),
            new Editable("Name", "name", Kind.TEXT, 255, true),
            new Editable("Ip", "ip", Kind.TEXT, 64, true),
            new Editable("Mac", "mac", Kind.TEXT, 64, true),
            new Editable("Os_name", "os_name", Kind.TEXT, 255, true),
            new Editable("Os_number", "os_number", Kind.TEXT, 64, true),
            new Editable("Domain", "dns_domain", Kind.TEXT, 255, true),
            new Editable(MachineValues.RAM_TOTAL, "ram_total_mb", Kind.MEGABYTES, 0, true),
            new Editable("Ram_used", "ram_used_mb", Kind.MEGABYTES, 0, true),
            new Editable("Ram_max", "ram_max_mb", Kind.MEGABYTES, 0, true),
            new Editable("Bios_identification_code", "bios_identification_code", Kind.TEXT, 255, true),
            new Editable("Bios_serial_number", "bios_serial_number", Kind.TEXT, 255, true),
            new Editable("Cs_manufacturer", "cs_manufacturer", Kind.TEXT, 255, true),
            new Editable("Cs_model", "cs_model", Kind.TEXT, 255, true),
            new Editable("Processors", "processors", Kind.TEXT, 1000, true),
            new Editable("Sound_devices", "sound_devices", Kind.TEXT, 2000, true),
            new Editable("Cdrom_devices", "cdrom_devices", Kind.TEXT, 2000, true),
            new Editable("Video_controllers", "video_controllers", Kind.TEXT, 2000, true),
            new Editable("Monitor", "monitor", Kind.TEXT, 2000, true),
            new Editable("Printers", "printers", Kind.TEXT, 2000, true),
            new Editable("Registry_size", "registry_size", Kind.TEXT, 32, true),
            new Editable("Registry_max_size", "registry_max_size", Kind.TEXT, 32, true),
            new Editable("Pagefile_size", "pagefile_size", Kind.TEXT, 32, true),
            new Editable("Pagefile_max_size", "pagefile_max_size", Kind.TEXT, 32, true));

    private static final Map<String, Editable> BY_KEY = EDITABLE.stream()
            .collect(Collectors.toMap(editable -> normalise(editable.key()), editable -> editable));

    private static final Pattern MEGABYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(mb|bytes|gb)?",
            Pattern.CASE_INSENSITIVE);

    private static final String ID_KEY = "id";

    private MachineEdits() {
    }

    /** The values of one machine object, by field, in body order. */
    record Edit(Map<Editable, Object> values) {

        Map<Field<?>, Object> columns() {
            Map<Field<?>, Object> columns = new LinkedHashMap<>();
            values.forEach((editable, value) -> columns.put(editable.field(), value));
            return columns;
        }

        boolean touchesAgentFields() {
            return values.keySet().stream().anyMatch(Editable::agentOwned);
        }

        List<String> agentFieldKeys() {
            return values.keySet().stream().filter(Editable::agentOwned).map(Editable::key).toList();
        }
    }

    /** Returns the objects of the {@code Machines} array of a write body. */
    static List<JsonNode> machineObjects(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("expected a JSON object {\"Machines\":[{...}]}");
        }
        JsonNode machines = null;
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            if (!property.getKey().equalsIgnoreCase("Machines")) {
                throw invalid("unknown key '" + property.getKey() + "'; the body accepts only \"Machines\"");
            }
            machines = property.getValue();
        }
        if (machines == null || !machines.isArray() || machines.isEmpty()) {
            throw invalid("\"Machines\" must be a non-empty array of machine objects");
        }
        List<JsonNode> objects = new ArrayList<>();
        for (int i = 0; i < machines.size(); i++) {
            if (!machines.get(i).isObject()) {
                throw invalid("Machines[" + i + "] must be an object");
            }
            objects.add(machines.get(i));
        }
        return objects;
    }

    /** Reads one machine object of a create body, which has no id and requires Name. */
    static Edit forCreate(JsonNode machine, int index) {
        Edit edit = read(machine, index, null);
        Object name = edit.values().get(BY_KEY.get("name"));
        if (!(name instanceof String text) || text.isBlank()) {
            throw invalid(where(index) + "Name is required and must not be empty");
        }
        return edit;
    }

    /**
     * Reads the machine object of an update body. An {@code id} key is optional and must equal
     * the id of the path.
     */
    static Edit forUpdate(JsonNode machine, long pathId) {
        Edit edit = read(machine, 0, pathId);
        if (edit.values().isEmpty()) {
            throw invalid("no editable field given; editable fields: " + acceptedKeys(false));
        }
        return edit;
    }

    private static Edit read(JsonNode machine, int index, Long pathId) {
        Map<Editable, Object> values = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, JsonNode> property : machine.properties()) {
            String key = property.getKey();
            String normalised = normalise(key);
            if (!seen.add(normalised)) {
                throw invalid(where(index) + "field '" + key + "' is given twice");
            }
            if (normalised.equals(ID_KEY)) {
                checkId(property.getValue(), index, pathId);
                continue;
            }
            Editable editable = BY_KEY.get(normalised);
            if (editable == null) {
                throw invalid(where(index) + "field '" + key + "' cannot be written; accepted fields: "
                        + acceptedKeys(true));
            }
            values.put(editable, value(editable, key, property.getValue(), index));
        }
        return new Edit(values);
    }

    private static void checkId(JsonNode id, int index, Long pathId) {
        if (pathId == null) {
            throw invalid(where(index) + "id is assigned by the server; leave it out of a create");
        }
        String text = id.isIntegralNumber() ? id.asString() : id.isString() ? id.asString().strip() : "";
        if (!text.equals(Long.toString(pathId))) {
            throw invalid("id " + id + " in the body does not match machine " + pathId + " of the path");
        }
    }

    private static Object value(Editable editable, String key, JsonNode node, int index) {
        if (editable.kind() == Kind.TEXT) {
            if (node.isNull()) {
                return "";
            }
            if (!node.isString()) {
                throw invalid(where(index) + "field '" + key + "' must be a string, got " + node);
            }
            String text = node.asString();
            if (text.length() > editable.width()) {
                throw invalid(where(index) + "field '" + key + "' is " + text.length()
                        + " characters long; at most " + editable.width() + " are accepted");
            }
            return text;
        }
        if (node.isNull() || node.isString() && node.asString().isBlank()) {
            return null;
        }
        BigDecimal megabytes;
        if (node.isNumber()) {
            megabytes = node.decimalValue();
        } else if (node.isString()) {
            Matcher matcher = MEGABYTES.matcher(node.asString().strip());
            if (!matcher.matches()) {
                throw invalid(where(index) + "field '" + key + "' must be a number of megabytes such as 2048,"
                        + " \"2048 MB\", \"2048 Bytes\" or \"2 GB\", got " + node);
            }
            megabytes = new BigDecimal(matcher.group(1));
            if ("gb".equalsIgnoreCase(matcher.group(2))) {
                megabytes = megabytes.multiply(BigDecimal.valueOf(1024));
            }
        } else {
            throw invalid(where(index) + "field '" + key + "' must be a number or a string, got " + node);
        }
        if (megabytes.signum() < 0 || megabytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw invalid(where(index) + "field '" + key + "' must be between 0 and " + Long.MAX_VALUE
                    + " megabytes, got " + node);
        }
        return megabytes.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Lists the keys a write accepts, including those an agent reports only when {@code manual}. */
    static String acceptedKeys(boolean manual) {
        return EDITABLE.stream()
                .filter(editable -> manual || !editable.agentOwned())
                .map(Editable::key)
                .collect(Collectors.joining(", "))
                + (manual ? "" : " (the others only on machines entered by hand)");
    }

    private static String normalise(String key) {
        return key.strip().replace(' ', '_').toLowerCase(Locale.ROOT);
    }

    private static String where(int index) {
        return "Machines[" + index + "]: ";
    }

    static ApiException invalid(String reason) {
        return ApiError.INVALID_BODY.exception(reason);
    }
}
