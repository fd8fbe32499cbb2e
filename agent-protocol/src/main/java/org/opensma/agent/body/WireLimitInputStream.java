package org.opensma.agent.body;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.opensma.agent.AgentProtocolException;
import org.opensma.agent.AgentProtocolException.Problem;

/**
 * Counts the bytes read from the request stream and throws TOO_LARGE as soon as the count passes
 * the limit, so a body without Content-Length cannot make the server read without bound.
 *
 * <p>{@link #close()} leaves the source open, because the HTTP container owns it.
 */
final class WireLimitInputStream extends FilterInputStream {

    private final long maxBytes;
    private long count;

    WireLimitInputStream(InputStream source, long maxBytes) {
        super(source);
        this.maxBytes = maxBytes;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            add(1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Read at most one byte past the limit, which is enough to detect an oversized body.
        long allowed = maxBytes - count + 1;
        int n = super.read(buffer, offset, (int) Math.min(length, allowed));
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, maxBytes - count + 1));
        add(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // The source belongs to the caller.
    }

    private void add(long n) {
        count += n;
        if (count > maxBytes) {
            throw new AgentProtocolException(Problem.TOO_LARGE,
                    "Request body exceeds the limit of " + maxBytes + " bytes on the wire");
        }
    }
}
