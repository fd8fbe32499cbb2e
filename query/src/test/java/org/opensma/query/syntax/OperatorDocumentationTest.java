package org.opensma.query.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Keeps the operator table of the module README and the parser's operator tokens identical. */
class OperatorDocumentationTest {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (`[a-z]+`(?:, `[a-z]+`)*) \\|");

    @Test
    void readmeOperatorTable_matchesParserTokens() throws IOException {
        List<String> documented = operatorSection(Files.readAllLines(Path.of("README.md"))).stream()
                .map(TABLE_ROW::matcher)
                .filter(Matcher::find)
                .flatMap(matcher -> Arrays.stream(matcher.group(1).split(", ")))
                .map(token -> token.replace("`", ""))
                .toList();

        List<String> parsed = Arrays.stream(Operator.values()).flatMap(operator -> operator.tokens().stream()).toList();

        assertThat(documented).containsExactlyElementsOf(parsed);
    }

    /** Returns the lines under the heading "## Operators" up to the next heading. */
    private static List<String> operatorSection(List<String> lines) {
        int start = lines.indexOf("## Operators");
        assertThat(start).as("README heading '## Operators'").isNotNegative();
        List<String> rest = lines.subList(start + 1, lines.size());
        int end = 0;
        while (end < rest.size() && !rest.get(end).startsWith("#")) {
            end++;
        }
        return rest.subList(0, end);
    }
}
