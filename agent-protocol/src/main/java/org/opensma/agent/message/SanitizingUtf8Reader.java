package org.opensma.agent.message;

import java.io.ByteArrayInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 bytes as characters and replaces what would make one bad value fail a whole
 * inventory: invalid byte sequences and characters that XML 1.0 forbids (C0 controls other than
 * tab, CR and LF, U+FFFE, U+FFFF) all become U+FFFD. A leading byte order mark is skipped.
 */
final class SanitizingUtf8Reader extends FilterReader {

    private static final char REPLACEMENT = '\uFFFD';

    SanitizingUtf8Reader(byte[] utf8) {
        super(new InputStreamReader(new ByteArrayInputStream(utf8, bomLength(utf8), utf8.length - bomLength(utf8)),
                replacingDecoder()));
    }

    private static CharsetDecoder replacingDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static int bomLength(byte[] bytes) {
        boolean bom = bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        return bom ? 3 : 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        return c < 0 ? c : sanitize((char) c);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            buffer[i] = sanitize(buffer[i]);
        }
        return n;
    }

    private static char sanitize(char c) {
        boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
        boolean nonCharacter = c == '\uFFFE' || c == '\uFFFF';
        return control || nonCharacter ? REPLACEMENT : c;
    }
}
