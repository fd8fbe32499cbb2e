package org.opensma.query.syntax;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Filter operator with the tokens KACE accepts for it, the canonical token first. */
public enum Operator {
    EQ("eq"),
    NE("ne", "neq"),
    LT("lt"),
    LE("le"),
    GT("gt"),
    GE("ge"),
    CONTAINS("co"),
    NOT_CONTAINS("nc", "nco"),
    STARTS_WITH("st"),
    NOT_STARTS_WITH("ns", "nst"),
    ENDS_WITH("en", "end"),
    NOT_ENDS_WITH("nen", "nend"),
    IN("in"),
    NOT_IN("nin"),
    EXISTS("ex"),
    NOT_EXISTS("nex");

    /** All tokens in declaration order, for error messages. */
    public static final String ACCEPTED_TOKENS = Arrays.stream(values())
            .flatMap(operator -> operator.tokens.stream())
            .collect(Collectors.joining(", "));

    private final List<String> tokens;

    Operator(String... tokens) {
        this.tokens = List.of(tokens);
    }

    /** Finds the operator for a token in any case. */
    public static Optional<Operator> fromToken(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(operator -> operator.tokens.contains(lower)).findFirst();
    }

    /** Returns the canonical token, used by {@code toString()} of the syntax tree. */
    public String token() {
        return tokens.get(0);
    }

    /** Returns every accepted token, canonical first. */
    public List<String> tokens() {
        return tokens;
    }

    /** Returns whether this operator is the negation of another one, such as {@code ne} of {@code eq}. */
    public boolean isNegative() {
        return this != positive();
    }

    /** Returns the operator this one negates, or this operator when it is not negative. */
    public Operator positive() {
        return switch (this) {
            case NE -> EQ;
            case NOT_CONTAINS -> CONTAINS;
            case NOT_STARTS_WITH -> STARTS_WITH;
            case NOT_ENDS_WITH -> ENDS_WITH;
            case NOT_IN -> IN;
            case NOT_EXISTS -> EXISTS;
            default -> this;
        };
    }

    /** Returns whether the operator only applies to text: contains, starts with, ends with and their negations. */
    public boolean isTextOnly() {
        return switch (positive()) {
            case CONTAINS, STARTS_WITH, ENDS_WITH -> true;
            default -> false;
        };
    }

    /** Returns whether the filter takes a semicolon-separated list of values. */
    public boolean takesList() {
        return positive() == IN;
    }

    /** Returns whether the filter takes no value. */
    public boolean takesNoValue() {
        return positive() == EXISTS;
    }
}
