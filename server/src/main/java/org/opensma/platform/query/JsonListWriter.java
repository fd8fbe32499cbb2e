package org.opensma.platform.query;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** The KACE JSON envelope: {@code {"Count": n, "Warnings": {}, "Machines": [...]}}. */
final class JsonListWriter implements ListWriter {

    private final JsonGenerator json;

    JsonListWriter(JsonMapper mapper, OutputStream out) {
        this.json = mapper.createGenerator(out);
    }

    @Override
    public void start(Long count, String collectionKey) {
        json.writeStartObject();
        if (count != null) {
            json.writeName("Count");
            json.writeNumber(count);
        }
        json.writeName("Warnings");
        json.writeStartObject();
        json.writeEndObject();
        json.writeName(collectionKey);
        json.writeStartArray();
    }

    @Override
    public void item(String itemName, Map<String, Object> fields, Map<String, RelatedItems> related) {
        json.writeStartObject();
        writeFields(fields);
        for (Map.Entry<String, RelatedItems> relation : related.entrySet()) {
            if (relation.getValue().single()) {
                writeSingle(relation.getKey(), relation.getValue());
                continue;
            }
            json.writeName(relation.getKey());
            json.writeStartArray();
            for (Map<String, Object> row : relation.getValue().rows()) {
                json.writeStartObject();
                writeFields(row);
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private void writeSingle(String key, RelatedItems item) {
        if (item.rows().isEmpty()) {
            return;
        }
        json.writeName(key);
        json.writeStartObject();
        writeFields(item.rows().getFirst());
        json.writeEndObject();
    }

    private void writeFields(Map<String, Object> fields) {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Object value = field.getValue();
            if (value == null) {
                continue;
            }
            json.writeName(field.getKey());
            switch (value) {
                case Long number -> json.writeNumber(number);
                case Integer number -> json.writeNumber(number);
                case BigDecimal number -> json.writeNumber(number);
                case Map<?, ?> nested -> {
                    json.writeStartObject();
                    writeFields(nestedFields(nested));
                    json.writeEndObject();
                }
                default -> json.writeString(value.toString());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nestedFields(Map<?, ?> nested) {
        return (Map<String, Object>) nested;
    }

    @Override
    public void end() {
        json.writeEndArray();
        json.writeEndObject();
    }

    @Override
    public void countOnly(long count) {
        json.writeStartObject();
        json.writeName("Count");
        json.writeNumber(count);
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
