package org.opensma.inventory.persistence;

/**
 * Identity of a catalog title within an organization, with each part cut to the
 * width of its column so that a long value from an agent still finds its row.
 */
public record SoftwareKey(String name, String version, String publisher) {

    static final int NAME_WIDTH = 255;
    static final int VERSION_WIDTH = 128;
    static final int PUBLISHER_WIDTH = 255;

    public static SoftwareKey of(String name, String version, String publisher) {
        return new SoftwareKey(cut(name, NAME_WIDTH), cut(version, VERSION_WIDTH), cut(publisher, PUBLISHER_WIDTH));
    }

    static String cut(String value, int width) {
        String text = value == null ? "" : value.strip();
        return text.length() <= width ? text : text.substring(0, width);
    }
}
