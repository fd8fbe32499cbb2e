package org.opensma.agent.message;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Maps the {@code content} object of a GLPI Agent inventory to the sections and fields of the
 * legacy XML format, so that the same {@link Inventory} results from either protocol.
 *
 * <p>GLPI Agent builds its JSON from the XML inventory by lower-casing every key, renaming three
 * fields and converting some values to integers and booleans. This class reverses that: keys
 * are upper-cased, the renamed fields get their XML names back, integers become their decimal
 * text and booleans become "1" or "0", as the XML agents send them. Nested objects become
 * paths such as {@code TIMEZONE/NAME}, and arrays of values are joined with ", " like repeated
 * XML elements. Null values are treated as absent.
 */
final class GlpiContentMapper {

    /** JSON field names that differ from the XML ones, keyed by section and JSON name. */
    private static final Map<String, String> RENAMED_FIELDS = Map.of(
            "softwares.install_date", "INSTALLDATE",
            "networks.mac", "MACADDR",
            "local_groups.members", "MEMBER");

    // NOTE: these are the converted fields that the GLPI Agent format description names. The
    // schema declares more typed fields, and values of those are accepted as any JSON scalar.
    private static final Map<String, Set<String>> INTEGER_FIELDS = Map.of(
            "hardware", Set.of("memory", "swap"),
            "cpus", Set.of("core", "speed"),
            "drives", Set.of("free", "total"),
            "storages", Set.of("disksize"),
            "softwares", Set.of("filesize"),
            "memories", Set.of("capacity"));

    private static final Map<String, Set<String>> BOOLEAN_FIELDS = Map.of(
            "networks", Set.of("virtualdev"),
            "softwares", Set.of("no_remove"));

    private static final String ACCOUNT_INFO = "ACCOUNTINFO";

    private GlpiContentMapper() {
    }

    /**
     * Maps the content object.
     *
     * @param content the {@code content} object of an inventory message
     * @param tag top-level {@code tag}, returned as the ACCOUNTINFO entry TAG where the XML
     *     agents send it, or "" for none
     */
    static Inventory map(JsonNode content, String tag) {
        Map<String, List<Section>> sections = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : content.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            String path = "content." + pathKey(key);
            List<Section> occurrences = occurrences(key.toLowerCase(Locale.ROOT), value, path);
            if (!occurrences.isEmpty()) {
                sections.computeIfAbsent(key.toUpperCase(Locale.ROOT), name -> new ArrayList<>())
                        .addAll(occurrences);
            }
        }

        if (!tag.isBlank()) {
            Section accountInfo = new Section(Map.of("KEYNAME", "TAG", "KEYVALUE", tag.strip()));
            sections.computeIfAbsent(ACCOUNT_INFO, name -> new ArrayList<>()).add(accountInfo);
        }
        return new Inventory(sections);
    }

    /** Returns the sections of one content property: one for an object, one per array element. */
    private static List<Section> occurrences(String sectionKey, JsonNode value, String path) {
        List<Section> occurrences = new ArrayList<>();
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                String elementPath = path + "[" + i + "]";
                if (!element.isObject()) {
                    throw GlpiMessageParser.invalid(elementPath, "expected an object, found "
                            + GlpiMessageParser.describe(element));
                }
                occurrences.add(section(sectionKey, element, elementPath));
            }
        } else if (value.isObject()) {
            occurrences.add(section(sectionKey, value, path));
        } else if (!value.isNull()) {
            // A section with only text, such as versionclient.
            occurrences.add(new Section(Map.of(Section.TEXT, scalarText(value))));
        }
        return occurrences;
    }

    private static Section section(String sectionKey, JsonNode object, String path) {
        RequestReader.SectionBuilder fields = new RequestReader.SectionBuilder();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String key = entry.getKey().toLowerCase(Locale.ROOT);
            String fieldPath = path + "." + pathKey(entry.getKey());
            checkType(sectionKey, key, entry.getValue(), fieldPath);
            addValue(fieldName(sectionKey, key), entry.getValue(), fieldPath, fields);
        }
        return fields.build();
    }

    private static void checkType(String sectionKey, String key, JsonNode value, String path) {
        if (INTEGER_FIELDS.getOrDefault(sectionKey, Set.of()).contains(key) && !value.isIntegralNumber()) {
            throw GlpiMessageParser.invalid(path, "expected an integer, found " + GlpiMessageParser.describe(value));
        }
        if (BOOLEAN_FIELDS.getOrDefault(sectionKey, Set.of()).contains(key) && !value.isBoolean()) {
            throw GlpiMessageParser.invalid(path, "expected a boolean, found " + GlpiMessageParser.describe(value));
        }
    }

    /** Adds a value under a field path, descending into objects and arrays. */
    private static void addValue(String field, JsonNode value, String path, RequestReader.SectionBuilder fields) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                String child = field + "/" + entry.getKey().toUpperCase(Locale.ROOT);
                addValue(child, entry.getValue(), path + "." + pathKey(entry.getKey()), fields);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                addValue(field, value.get(i), path + "[" + i + "]", fields);
            }
        } else if (!value.isNull()) {
            fields.add(field, scalarText(value));
        }
    }

    private static String fieldName(String sectionKey, String key) {
        String renamed = RENAMED_FIELDS.get(sectionKey + "." + key);
        return renamed != null ? renamed : key.toUpperCase(Locale.ROOT);
    }

    /** Returns a string, number or boolean as the text an XML agent sends, "" for blank strings. */
    private static String scalarText(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "1" : "0";
        }
        if (value.isBigDecimal()) {
            BigDecimal decimal = value.decimalValue();
            return decimal.toPlainString();
        }
        String text = value.asString();
        return text.isBlank() ? "" : text;
    }

    /** Returns a property name for an error path, without control characters and shortened. */
    private static String pathKey(String key) {
        String cleaned = key.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "..." : cleaned;
    }
}
