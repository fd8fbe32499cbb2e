package org.opensma.agent.message;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.opensma.agent.AgentProtocolException;
import org.opensma.agent.AgentProtocolException.Problem;

/**
 * Streams a REQUEST document with StAX under fixed limits and collects the request values and
 * the CONTENT sections. OCS agent 2.10 and FusionInventory 2.6 send no DOCTYPE, entity
 * references or namespaces, and attributes only in the OCS DOWNLOAD result, so the reader
 * rejects DTDs and entities.
 */
final class RequestReader {

    static final String ROOT = "REQUEST";
    static final int MAX_DEPTH = 16;
    static final int MAX_ELEMENTS = 500_000;
    static final int MAX_TEXT_CHARS = 64 * 1024;
    static final int MAX_ATTRIBUTES = 32;

    private static final String CONTENT = "CONTENT";
    private static final int REQUEST_DEPTH = 1;
    private static final int REQUEST_CHILD_DEPTH = 2;
    private static final int SECTION_DEPTH = 3;

    /** Values of REQUEST attributes and text children, and the CONTENT sections. */
    record ParsedRequest(Map<String, String> values, Inventory inventory) {

        /** Returns the attribute or child element value, or "" when both are absent. */
        String value(String name) {
            return values.getOrDefault(name, "");
        }
    }

    // The open elements from REQUEST (index 1) down to the current one (index depth).
    private final Frame[] open = new Frame[MAX_DEPTH + 1];
    private int depth;
    private final Map<String, String> requestValues = new LinkedHashMap<>();
    private final Map<String, List<Section>> sections = new LinkedHashMap<>();
    private boolean contentOpen;
    private SectionBuilder section;
    private int elementCount;

    private RequestReader() {
    }

    static ParsedRequest read(byte[] xml) {
        return new RequestReader().readDocument(xml);
    }

    private ParsedRequest readDocument(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(SanitizedUtf8.decode(xml)));
            checkEncoding(reader.getCharacterEncodingScheme());
            while (reader.hasNext()) {
                handle(reader, reader.next());
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        } catch (WstxLazyException e) {
            // Woodstox reads text lazily and reports its errors unchecked when the text is asked for.
            throw malformed(e.getCause() instanceof XMLStreamException cause ? cause
                    : new XMLStreamException(e.getMessage()));
        } finally {
            close(reader);
        }
        if (elementCount == 0) {
            throw new AgentProtocolException(Problem.MALFORMED_XML, "Invalid XML: the document has no root element");
        }
        return new ParsedRequest(requestValues, new Inventory(sections));
    }

    // A configured Woodstox factory is safe to share between threads, and its symbol table of
    // element names is then reused from one inventory to the next.
    private static final XMLInputFactory FACTORY = newFactory();

    private static XMLInputFactory newFactory() {
        // Woodstox is chosen explicitly, because its behaviour with these settings is tested, and
        // it parses an inventory of 806 packages in about half the JDK parser's time (see
        // docs/benchmarks.md).
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        // Woodstox has no ACCESS_EXTERNAL_DTD; with DTDs off and this resolver nothing external is read.
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw forbidden("External resources are not accepted (" + quote(systemId) + ")");
        });
        return factory;
    }

    private static void checkEncoding(String declared) {
        if (declared != null && !declared.equalsIgnoreCase("UTF-8") && !declared.equalsIgnoreCase("UTF8")) {
            throw new AgentProtocolException(Problem.UNSUPPORTED_FORMAT,
                    "XML encoding " + quote(declared) + " is not supported; agents must send UTF-8");
        }
    }

    private void handle(XMLStreamReader reader, int event) {
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> startElement(reader);
            case XMLStreamConstants.END_ELEMENT -> endElement();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    appendText(reader.getText());
            case XMLStreamConstants.DTD -> throw forbidden("DOCTYPE declarations are not accepted");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw forbidden(
                    "Entity references are not accepted (&" + reader.getLocalName() + ";)");
            default -> {
                // Comments, processing instructions and document events carry no inventory data.
            }
        }
    }

    private void startElement(XMLStreamReader reader) {
        String name = reader.getLocalName();
        checkStructure(name, depth + 1, reader.getAttributeCount());

        Frame parent = depth == 0 ? null : open[depth];
        if (parent != null) {
            parent.hasChildren = true;
        }
        depth++;
        open[depth] = new Frame(name, pathBelowSection(parent, name));

        if (depth == REQUEST_CHILD_DEPTH && CONTENT.equals(name)) {
            contentOpen = true;
        } else if (depth == SECTION_DEPTH && contentOpen) {
            section = new SectionBuilder();
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            addAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
    }

    /**
     * Returns the path of a new element below its section, such as TIMEZONE/NAME, built from
     * its parent's path once instead of from the whole stack for every field.
     */
    private String pathBelowSection(Frame parent, String name) {
        if (depth <= SECTION_DEPTH) {
            return "";
        }
        return depth == SECTION_DEPTH + 1 ? name : parent.path + "/" + name;
    }

    private void checkStructure(String name, int depth, int attributeCount) {
        if (depth == REQUEST_DEPTH && !ROOT.equals(name)) {
            throw new AgentProtocolException(Problem.MALFORMED_XML,
                    "Root element must be REQUEST, found " + quote(name));
        }
        if (depth > MAX_DEPTH) {
            throw new AgentProtocolException(Problem.MALFORMED_XML,
                    "XML nesting is deeper than " + MAX_DEPTH + " levels at element " + quote(name));
        }
        elementCount++;
        if (elementCount > MAX_ELEMENTS) {
            throw new AgentProtocolException(Problem.TOO_LARGE,
                    "XML document has more than " + MAX_ELEMENTS + " elements");
        }
        if (attributeCount > MAX_ATTRIBUTES) {
            throw new AgentProtocolException(Problem.MALFORMED_XML, "Element " + quote(name) + " has "
                    + attributeCount + " attributes; at most " + MAX_ATTRIBUTES + " are accepted");
        }
    }

    private void addAttribute(String attribute, String value) {
        checkTextLength(value.length(), attribute);
        if (depth == REQUEST_DEPTH) {
            requestValues.putIfAbsent(attribute, normalise(value));
        } else if (depth >= SECTION_DEPTH && section != null) {
            String path = open[depth].path;
            String field = path.isEmpty() ? "@" + attribute : path + "@" + attribute;
            section.add(field, normalise(value));
        }
    }

    private void appendText(String text) {
        if (depth == 0) {
            return;
        }
        Frame current = open[depth];
        checkTextLength((long) current.textLength() + text.length(), current.name);
        current.append(text);
    }

    private static void checkTextLength(long length, String name) {
        if (length > MAX_TEXT_CHARS) {
            throw new AgentProtocolException(Problem.TOO_LARGE, "Text of " + quote(name) + " exceeds "
                    + MAX_TEXT_CHARS + " characters");
        }
    }

    private void endElement() {
        Frame element = open[depth];
        open[depth] = null;
        String value = normalise(element.text());
        boolean container = element.hasChildren;

        if (depth == REQUEST_CHILD_DEPTH) {
            contentOpen = false;
            if (!container) {
                requestValues.putIfAbsent(element.name, value);
            }
        } else if (depth == SECTION_DEPTH && section != null) {
            if (!value.isEmpty()) {
                section.add(Section.TEXT, value);
            }
            sections.computeIfAbsent(element.name, key -> new ArrayList<>()).add(section.build());
            section = null;
        } else if (depth > SECTION_DEPTH && section != null && (!container || !value.isEmpty())) {
            section.add(element.path, value);
        }
        depth--;
    }

    private static String normalise(String value) {
        return value.isBlank() ? "" : value;
    }

    private static AgentProtocolException forbidden(String message) {
        return new AgentProtocolException(Problem.FORBIDDEN_XML_CONSTRUCT, message);
    }

    private static AgentProtocolException malformed(XMLStreamException e) {
        String detail = e.getMessage() == null ? "parse error" : e.getMessage().replaceAll("\\s+", " ").strip();
        return new AgentProtocolException(Problem.MALFORMED_XML, "Invalid XML: " + detail, e);
    }

    /** Quotes an untrusted value for a message, shortened and without control characters. */
    static String quote(String value) {
        if (value == null) {
            return "''";
        }
        String cleaned = value.replaceAll("\\p{Cntrl}", "?");
        return "'" + (cleaned.length() > 80 ? cleaned.substring(0, 80) + "..." : cleaned) + "'";
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // Closing an in-memory reader releases nothing that could fail in a way worth reporting.
        }
    }

    /** One open element: its name, its path below the section, its text so far and whether it has children. */
    private static final class Frame {

        final String name;
        final String path;
        boolean hasChildren;
        // Most elements get their text in one piece, so a builder is made only for a second piece.
        private String text;
        private StringBuilder pieces;

        Frame(String name, String path) {
            this.name = name;
            this.path = path;
        }

        void append(String piece) {
            if (text == null && pieces == null) {
                text = piece;
                return;
            }
            if (pieces == null) {
                pieces = new StringBuilder(text);
                text = null;
            }
            pieces.append(piece);
        }

        int textLength() {
            if (pieces != null) {
                return pieces.length();
            }
            return text == null ? 0 : text.length();
        }

        String text() {
            if (pieces != null) {
                return pieces.toString();
            }
            return text == null ? "" : text;
        }
    }

    /** Collects the fields of one section, joining repeated fields with ", ". Also used for JSON. */
    static final class SectionBuilder {

        private final Map<String, String> fields = new LinkedHashMap<>();

        void add(String field, String value) {
            String existing = fields.get(field);
            if (existing == null || existing.isEmpty()) {
                fields.put(field, value);
            } else if (!value.isEmpty()) {
                fields.put(field, existing + ", " + value);
            }
        }

        Section build() {
            return new Section(fields);
        }
    }
}
