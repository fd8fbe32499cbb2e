package org.opensma.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opensma.query.syntax.Operator;

/** Keeps docs/query-language.md in step with the parser's operators and the query error codes. */
class QueryLanguageDocTest {

    private static final Path DOC = Path.of("..", "docs", "query-language.md");
    private static final Pattern OPERATOR_ROW = Pattern.compile("^\\| (`[a-z]+`(?:, `[a-z]+`)*) \\|");
    private static final Pattern CODE_ROW = Pattern.compile("^\\| `(QUERY_[A-Z_]+)` \\|");

    @Test
    void operatorTable_matchesParserTokens() throws IOException {
        List<String> documented = section("## Operators").stream()
                .map(OPERATOR_ROW::matcher)
                .filter(Matcher::find)
                .flatMap(matcher -> Arrays.stream(matcher.group(1).split(", ")))
                .map(token -> token.replace("`", ""))
                .toList();

        List<String> parsed = Arrays.stream(Operator.values()).flatMap(operator -> operator.tokens().stream()).toList();

        assertThat(documented).containsExactlyElementsOf(parsed);
    }

    @Test
    void errorTable_listsEveryQueryErrorCode() throws IOException, IllegalAccessException {
        List<String> documented = section("## Errors").stream()
                .map(CODE_ROW::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .toList();

        List<String> declared = new ArrayList<>();
        for (Field field : QueryException.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                declared.add((String) field.get(null));
            }
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(declared);
    }

    /** Returns the lines under {@code heading} up to the next heading of the same level. */
    private static List<String> section(String heading) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf(heading);
        assertThat(start).as("heading '%s' in %s", heading, DOC).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }
}
