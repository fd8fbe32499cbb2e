package org.opensma.query.syntax;

import java.util.Objects;

/** One key of the {@code sorting} parameter. */
public record Sort(FieldRef field, boolean descending) {

    public Sort {
        Objects.requireNonNull(field, "field");
    }

    @Override
    public String toString() {
        return field + (descending ? " desc" : " asc");
    }
}
