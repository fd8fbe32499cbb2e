package org.opensma.query.syntax;

import java.util.ArrayList;
import java.util.List;

import org.opensma.query.QueryException;
import org.opensma.query.Texts;

/**
 * Parses {@code filtering}: filters {@code [entity.]field operator value} separated by commas.
 *
 * <p>A comma always ends a filter, also inside parentheses, because KACE has no escape for it and
 * separates {@code in} values with semicolons. So {@code id in (1,2)} is rejected with a message
 * that suggests {@code id in (1;2)}, rather than read as two filters.
 */
final class FilteringParser {

    private FilteringParser() {
    }

    static List<Filter> parse(String text) {
        if (Tokens.isBlank(text)) {
            return List.of();
        }
        List<String> items = Tokens.splitCommas(text);
        if (items.size() > QueryParser.MAX_TERMS) {
            throw new QueryException(QueryException.BAD_FILTERING, "Parameter 'filtering' has " + items.size()
                    + " filters. The maximum is " + QueryParser.MAX_TERMS + ".");
        }

        List<Filter> filters = new ArrayList<>();
        for (String item : items) {
            if (item.isEmpty()) {
                throw new QueryException(QueryException.BAD_FILTERING, "Empty filter in " + Texts.quote(text)
                        + ". Separate filters with single commas and leave no comma at either end.");
            }
            filters.add(parseFilter(item));
        }
        return filters;
    }

    private static Filter parseFilter(String filter) {
        int fieldEnd = Tokens.endOfWord(filter);
        FieldRef field = Tokens.fieldRef(filter.substring(0, fieldEnd), QueryException.BAD_FILTERING, filter);

        String rest = filter.substring(fieldEnd).strip();
        if (rest.isEmpty()) {
            throw new QueryException(QueryException.BAD_OPERATOR, "Filter " + Texts.quote(filter)
                    + " has no operator. Write '[entity.]field operator value'. Accepted operators: "
                    + Operator.ACCEPTED_TOKENS);
        }
        int operatorEnd = Tokens.endOfWord(rest);
        String token = rest.substring(0, operatorEnd);
        Operator operator = Operator.fromToken(token).orElseThrow(() -> new QueryException(
                QueryException.BAD_OPERATOR, "Unknown operator " + Texts.quote(token) + " in filter "
                        + Texts.quote(filter) + ". Accepted operators: " + Operator.ACCEPTED_TOKENS));

        String value = rest.substring(operatorEnd).strip();
        return new Filter(field, operator, values(filter, operator, value));
    }

    private static List<String> values(String filter, Operator operator, String value) {
        if (operator.takesNoValue()) {
            if (!value.isEmpty()) {
                throw new QueryException(QueryException.BAD_VALUE, "Operator '" + operator.token()
                        + "' takes no value, but filter " + Texts.quote(filter) + " gives " + Texts.quote(value)
                        + ". Write for example 'location " + operator.token() + "'.");
            }
            return List.of();
        }
        if (value.isEmpty()) {
            throw new QueryException(QueryException.BAD_VALUE, "Filter " + Texts.quote(filter)
                    + " has no value after operator '" + operator.token() + "'.");
        }
        if (operator.takesList()) {
            return listValues(filter, operator, value);
        }
        return List.of(value);
    }

    /** Splits {@code a;b;c} or {@code (a;b;c)} into trimmed, non-empty items. */
    private static List<String> listValues(String filter, Operator operator, String value) {
        String list = value;
        if (list.startsWith("(") && list.endsWith(")") && list.length() >= 2) {
            list = list.substring(1, list.length() - 1);
        } else if (list.startsWith("(")) {
            throw new QueryException(QueryException.BAD_VALUE, "The list in filter " + Texts.quote(filter)
                    + " has no closing parenthesis. Separate values with ';', as in 'id "
                    + operator.token() + " (1;2;3)', because a comma starts the next filter.");
        }

        List<String> items = new ArrayList<>();
        for (String item : list.split(";", -1)) {
            String stripped = item.strip();
            if (stripped.isEmpty()) {
                throw new QueryException(QueryException.BAD_VALUE, "Empty value in the list of filter "
                        + Texts.quote(filter) + ". Separate values with single semicolons, as in 'id "
                        + operator.token() + " 1;2;3'.");
            }
            items.add(stripped);
        }
        return items;
    }
}
