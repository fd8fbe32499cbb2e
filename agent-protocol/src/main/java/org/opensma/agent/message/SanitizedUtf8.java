package org.opensma.agent.message;

import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 bytes and replaces what would make one bad value fail a whole inventory:
 * invalid byte sequences and characters that XML 1.0 forbids (C0 controls other than tab, CR
 * and LF, U+FFFE, U+FFFF) all become U+FFFD. A leading byte order mark is skipped.
 */
final class SanitizedUtf8 {

    private static final char REPLACEMENT = '\uFFFD';

    private SanitizedUtf8() {
    }

    static String decode(byte[] utf8) {
        int bom = bomLength(utf8);
        // The String constructor already replaces invalid sequences with U+FFFD, and it decodes
        // the ASCII that makes up most of an inventory far faster than a Reader would.
        String text = new String(utf8, bom, utf8.length - bom, StandardCharsets.UTF_8);

        int first = firstForbidden(text);
        if (first < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = first; i < chars.length; i++) {
            if (forbidden(chars[i])) {
                chars[i] = REPLACEMENT;
            }
        }
        return new String(chars);
    }

    private static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (forbidden(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean forbidden(char c) {
        boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
        return control || c == '\uFFFE' || c == '\uFFFF';
    }

    private static int bomLength(byte[] bytes) {
        boolean bom = bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        return bom ? 3 : 0;
    }
}
