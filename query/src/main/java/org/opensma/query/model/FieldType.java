package org.opensma.query.model;

/** Value type of a field, which decides how filter values are parsed and which operators apply. */
public enum FieldType {
    STRING,
    INTEGER,
    DECIMAL,
    DATETIME
}
