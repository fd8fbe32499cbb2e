package org.opensma.platform.query;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The same envelope as XML: {@code <Response><Count/><Warnings/><Machines><Machine>...}.
 * A key that is not a valid XML name, such as {@code Ram Total}, has each invalid
 * character replaced by an underscore.
 */
final class XmlListWriter implements ListWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;
    private final OutputStream out;

    XmlListWriter(OutputStream out) throws IOException {
        this.out = out;
        try {
            this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write XML", e);
        }
    }

    @Override
    public void start(Long count, String collectionKey) throws IOException {
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Response");
            if (count != null) {
                element("Count", count.toString());
            }
            xml.writeEmptyElement("Warnings");
            xml.writeStartElement(collectionKey);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void item(String itemName, Map<String, Object> fields, Map<String, RelatedItems> related)
            throws IOException {
        try {
            xml.writeStartElement(itemName);
            writeFields(fields);
            for (Map.Entry<String, RelatedItems> relation : related.entrySet()) {
                if (relation.getValue().single()) {
                    writeSingle(relation.getKey(), relation.getValue());
                    continue;
                }
                xml.writeStartElement(xmlName(relation.getKey()));
                for (Map<String, Object> row : relation.getValue().rows()) {
                    xml.writeStartElement(relation.getValue().itemName());
                    writeFields(row);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void writeSingle(String key, RelatedItems item) throws XMLStreamException {
        if (item.rows().isEmpty()) {
            return;
        }
        xml.writeStartElement(xmlName(key));
        writeFields(item.rows().getFirst());
        xml.writeEndElement();
    }

    private void writeFields(Map<String, Object> fields) throws XMLStreamException {
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (field.getValue() instanceof Map<?, ?> nested) {
                xml.writeStartElement(xmlName(field.getKey()));
                writeFields(nestedFields(nested));
                xml.writeEndElement();
            } else if (field.getValue() != null) {
                element(xmlName(field.getKey()), field.getValue().toString());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nestedFields(Map<?, ?> nested) {
        return (Map<String, Object>) nested;
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    @Override
    public void end() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void countOnly(long count) throws IOException {
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Response");
            element("Count", Long.toString(count));
            xml.writeEndElement();
            xml.writeEndDocument();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        out.flush();
    }

    static String xmlName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean valid = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
            name.append(valid ? c : '_');
        }
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            name.insert(0, '_');
        }
        return name.toString();
    }
}
