package org.opensma.platform.query;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.opensma.query.QueryException;
import org.opensma.query.Texts;
import org.opensma.query.syntax.RawQuery;

/** Reads the KACE query parameters; the servlet container has already decoded {@code +} and {@code %xx}. */
public final class RawQueries {

    private RawQueries() {
    }

    /**
     * Reads the six query parameters.
     *
     * @throws QueryException QUERY_BAD_ENCODING when a parameter's bytes are not UTF-8, which
     *         Tomcat reports as an {@link IllegalStateException} from {@code getParameter}, or when
     *         a value contains the NUL character
     */
    public static RawQuery from(HttpServletRequest request) {
        try {
            return new RawQuery(parameter(request, "filtering"), parameter(request, "sorting"),
                    parameter(request, "paging"), parameter(request, "shaping"), parameter(request, "use_count"),
                    parameter(request, "use_count_only"));
        } catch (IllegalStateException e) {
            throw new QueryException(QueryException.BAD_ENCODING, "The value of query parameter "
                    + Texts.quote(firstInvalidParameter(request.getQueryString())) + " is not valid UTF-8 after"
                    + " percent-decoding. Encode text as UTF-8 bytes, as in 'name%20eq%20caf%C3%A9'.");
        }
    }

    /**
     * Returns one parameter, rejecting the NUL character because PostgreSQL cannot bind it in
     * text and no stored text contains it.
     */
    private static String parameter(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new QueryException(QueryException.BAD_ENCODING, "The value of query parameter '" + name
                    + "' contains the NUL character (%00). Remove it.");
        }
        return value;
    }

    /** Returns the name of the first parameter whose value does not decode as UTF-8, or "" if none is found. */
    static String firstInvalidParameter(String queryString) {
        if (queryString == null) {
            return "";
        }
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (!isUtf8(value)) {
                return isUtf8(name) ? percentDecode(name) : "?";
            }
        }
        return "";
    }

    private static boolean isUtf8(String encoded) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(percentDecodeBytes(encoded)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String percentDecode(String encoded) {
        return new String(percentDecodeBytes(encoded), StandardCharsets.UTF_8);
    }

    /** Decodes {@code %xx} and {@code +}; a malformed escape is kept as literal characters. */
    private static byte[] percentDecodeBytes(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && isHex(encoded.charAt(i + 1)) && isHex(encoded.charAt(i + 2))) {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] literal = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(literal, 0, literal.length);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
