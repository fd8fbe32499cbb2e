package org.opensma.agent.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.opensma.agent.AgentProtocolException;
import org.opensma.agent.AgentProtocolException.Problem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses decoded GLPI Agent JSON requests into typed messages.
 *
 * <p>The rules checked are those that the GLPI inventory format states: {@code deviceid} and
 * {@code content} are required, {@code content.versionclient} is a required string, and the
 * numeric and boolean fields that the agent converts are integers and booleans. {@code deviceid}
 * must also have the format that the XML path accepts. A missing {@code action} is read as
 * inventory, because the format requires only {@code deviceid} and {@code content}.
 *
 * <p>Parsing is bounded like the XML parser: at most {@value #MAX_DEPTH} levels of nesting,
 * {@value #MAX_STRING_CHARS} characters per string, {@value #MAX_NAME_CHARS} characters per
 * property name and {@value #MAX_TOKENS} tokens per document. Duplicate property names and
 * content after the root object are rejected.
 */
public final class GlpiMessageParser {

    static final int MAX_DEPTH = RequestReader.MAX_DEPTH;
    static final int MAX_STRING_CHARS = RequestReader.MAX_TEXT_CHARS;
    static final int MAX_NAME_CHARS = 256;
    static final long MAX_TOKENS = 2_000_000L;
    private static final int MAX_NUMBER_CHARS = 100;
    private static final int MIN_PORT = 1;
    private static final int MAX_PORT = 65_535;

    private static final String ACTION_INVENTORY = "inventory";
    private static final String ACTION_CONTACT = "contact";
    private static final String COMPUTER = "Computer";

    private static final JsonMapper MAPPER = newMapper();

    private GlpiMessageParser() {
    }

    /**
     * Parses a decoded request body.
     *
     * @param json UTF-8 JSON with an object at the root
     * @throws AgentProtocolException for JSON that is empty, malformed or over a limit, or that
     *     breaks a rule of the inventory format; the message names the property path and the rule
     */
    public static GlpiMessage parse(byte[] json) {
        Objects.requireNonNull(json, "json");
        if (json.length == 0) {
            throw new AgentProtocolException(Problem.EMPTY_BODY, "Request body is empty");
        }
        JsonNode root = readTree(json);
        if (!root.isObject()) {
            throw invalid("$", "the root must be an object, found " + describe(root));
        }

        String action = optionalString(root, "action", ACTION_INVENTORY);
        return switch (action.toLowerCase(Locale.ROOT)) {
            case ACTION_INVENTORY -> inventory(root);
            case ACTION_CONTACT -> contact(root);
            default -> throw invalid("action", RequestReader.quote(action)
                    + " is not supported; expected inventory or contact");
        };
    }

    private static JsonMapper newMapper() {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(MAX_STRING_CHARS)
                .maxNameLength(MAX_NAME_CHARS)
                .maxNumberLength(MAX_NUMBER_CHARS)
                .maxTokenCount(MAX_TOKENS)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Keeps decimals such as CPUUSAGE 0.4 as sent, instead of rounding them to a double.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    private static JsonNode readTree(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            Problem problem = e.getOriginalMessage().contains("nesting depth")
                    ? Problem.INVALID_JSON : Problem.TOO_LARGE;
            throw new AgentProtocolException(problem, "JSON document is over a limit: "
                    + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new AgentProtocolException(Problem.INVALID_JSON, "Invalid JSON: " + e.getOriginalMessage()
                    + location(e.getLocation()), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new AgentProtocolException(Problem.EMPTY_BODY, "Request body contains no JSON value");
        }
        return root;
    }

    private static String location(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static GlpiMessage.InventoryMessage inventory(JsonNode root) {
        String deviceId = deviceId(root);

        String itemType = optionalString(root, "itemtype", COMPUTER);
        if (!itemType.equalsIgnoreCase(COMPUTER)) {
            throw invalid("itemtype", RequestReader.quote(itemType)
                    + " is not supported; only Computer inventories are stored");
        }
        JsonNode partial = root.get("partial");
        if (partial != null && !partial.isBoolean()) {
            throw invalid("partial", "expected a boolean, found " + describe(partial));
        }
        // NOTE: a partial inventory contains only the changed sections, and storing it like a
        // full one would delete the software and network lists of the machine.
        if (partial != null && partial.booleanValue()) {
            throw invalid("partial", "partial inventories are not supported; configure the agent to"
                    + " send full inventories");
        }
        String tag = optionalString(root, "tag", "");

        JsonNode content = root.get("content");
        if (content == null) {
            throw invalid("content", "the required property is missing");
        }
        if (!content.isObject()) {
            throw invalid("content", "expected an object, found " + describe(content));
        }
        JsonNode versionClient = content.get("versionclient");
        if (versionClient == null) {
            throw invalid("content.versionclient", "the required property is missing");
        }
        if (!versionClient.isString()) {
            throw invalid("content.versionclient", "expected a string, found " + describe(versionClient));
        }
        return new GlpiMessage.InventoryMessage(deviceId, GlpiContentMapper.map(content, tag));
    }

    private static GlpiMessage.Contact contact(JsonNode root) {
        String deviceId = deviceId(root);
        String name = optionalString(root, "name", "");
        String version = optionalString(root, "version", "");
        String tag = optionalString(root, "tag", "");
        stringList(root, "installed-tasks");
        List<String> enabledTasks = stringList(root, "enabled-tasks");

        JsonNode port = root.get("httpd-port");
        if (port != null && !(port.isIntegralNumber() && port.canConvertToInt()
                && port.intValue() >= MIN_PORT && port.intValue() <= MAX_PORT)) {
            throw invalid("httpd-port", "expected an integer from " + MIN_PORT + " to " + MAX_PORT + ", found "
                    + describe(port));
        }
        return new GlpiMessage.Contact(deviceId, name, version, enabledTasks, tag);
    }

    private static String deviceId(JsonNode root) {
        JsonNode node = root.get("deviceid");
        if (node == null) {
            throw invalid("deviceid", "the required property is missing");
        }
        if (!node.isString()) {
            throw invalid("deviceid", "expected a string, found " + describe(node));
        }
        String deviceId = node.asString().strip();
        if (!OcsMessageParser.isValidDeviceId(deviceId)) {
            throw invalid("deviceid", RequestReader.quote(deviceId)
                    + " is invalid; expected <host name>-YYYY-MM-DD-HH-MM-SS");
        }
        return deviceId;
    }

    private static String optionalString(JsonNode object, String property, String defaultValue) {
        JsonNode node = object.get(property);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isString()) {
            throw invalid(property, "expected a string, found " + describe(node));
        }
        return node.asString();
    }

    private static List<String> stringList(JsonNode object, String property) {
        JsonNode node = object.get(property);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid(property, "expected an array of strings, found " + describe(node));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isString()) {
                throw invalid(property + "[" + i + "]", "expected a string, found " + describe(element));
            }
            values.add(element.asString());
        }
        return values;
    }

    /** Builds the rejection for a rule that the value at a property path breaks. */
    static AgentProtocolException invalid(String path, String rule) {
        return new AgentProtocolException(Problem.INVALID_JSON, "Invalid GLPI Agent message at " + path + ": " + rule);
    }

    /** Describes a JSON value for an error message, such as {@code string '24105'} or {@code an object}. */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string " + RequestReader.quote(node.asString());
            case NUMBER -> "number " + node.asString();
            case BOOLEAN -> "boolean " + node.booleanValue();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
