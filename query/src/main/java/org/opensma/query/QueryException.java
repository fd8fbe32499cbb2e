package org.opensma.query;

import java.util.Objects;

/**
 * Invalid query parameter, reported to the API client as HTTP 400.
 *
 * <p>The {@link #code()} is stable and meant for programs. The message is meant for people: it
 * quotes the offending text and lists what is accepted. Messages never contain SQL.
 */
public final class QueryException extends RuntimeException {

    /** Structural error in {@code filtering}: an empty filter, a malformed field reference or too many filters. */
    public static final String BAD_FILTERING = "QUERY_BAD_FILTERING";

    /** Missing or unknown operator, or an operator that cannot apply to the named target. */
    public static final String BAD_OPERATOR = "QUERY_BAD_OPERATOR";

    /** Missing value, or a value that does not parse as the field's type. */
    public static final String BAD_VALUE = "QUERY_BAD_VALUE";

    /** Malformed {@code sorting} parameter. */
    public static final String BAD_SORTING = "QUERY_BAD_SORTING";

    /** Malformed {@code paging} parameter. */
    public static final String BAD_PAGING = "QUERY_BAD_PAGING";

    /** Malformed {@code shaping} parameter, including an unknown level. */
    public static final String BAD_SHAPING = "QUERY_BAD_SHAPING";

    /** A query parameter longer than {@link org.opensma.query.syntax.QueryParser#MAX_PARAMETER_LENGTH}. */
    public static final String TOO_LONG = "QUERY_TOO_LONG";

    /** Query parameter whose percent-encoded bytes are not valid UTF-8, or that contains the NUL character. */
    public static final String BAD_ENCODING = "QUERY_BAD_ENCODING";

    /** Field name that the entity does not declare. */
    public static final String UNKNOWN_FIELD = "QUERY_UNKNOWN_FIELD";

    /** Entity prefix or shaping entry that is neither the base entity nor one of its relations. */
    public static final String UNKNOWN_ENTITY = "QUERY_UNKNOWN_ENTITY";

    /** Operator that does not fit the field type, such as {@code co} on an integer field. */
    public static final String OPERATOR_TYPE_MISMATCH = "QUERY_OPERATOR_TYPE_MISMATCH";

    private final String code;

    public QueryException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Stable machine-readable error code, one of the constants of this class. */
    public String code() {
        return code;
    }
}
