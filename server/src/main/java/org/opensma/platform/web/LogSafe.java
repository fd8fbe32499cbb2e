package org.opensma.platform.web;

/** Makes client-supplied text safe for one log line: no line breaks, control or undecodable characters. */
public final class LogSafe {

    private static final int MAX_LENGTH = 200;

    private LogSafe() {
    }

    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(Math.min(value.length(), MAX_LENGTH));
        for (int i = 0; i < value.length() && safe.length() < MAX_LENGTH; i++) {
            char c = value.charAt(i);
            boolean printable = c >= 0x20 && c != 0x7F && c != '\uFFFD' && !Character.isSurrogate(c);
            safe.append(printable ? c : '?');
        }
        return safe.toString();
    }
}
