package org.opensma.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opensma.platform.config.OpenSmaProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of every API request, declared or chunked. The agent endpoint has its
 * own, larger limits and is not covered here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ErrorResponseWriter errors;

    RequestSizeLimitFilter(OpenSmaProperties properties, ErrorResponseWriter errors) {
        this.maxBytes = properties.api().maxBodySize().toBytes();
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/ocsinventory");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            errors.write(response, ApiError.PAYLOAD_TOO_LARGE, tooLargeMessage());
            return;
        }
        chain.doFilter(new BoundedRequest(request, maxBytes, tooLargeMessage()), response);
    }

    private String tooLargeMessage() {
        return "The request body exceeds the limit of " + maxBytes + " bytes";
    }

    /** Fails the read once more than the limit has been consumed. */
    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final String message;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, long maxBytes, String message) {
            super(request);
            this.maxBytes = maxBytes;
            this.message = message;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), maxBytes, message);
            }
            return stream;
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private final String message;
        private long count;

        BoundedStream(ServletInputStream delegate, long maxBytes, String message) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            int value = delegate.read();
            if (value >= 0) {
                add(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = delegate.read(buffer, offset, length);
            if (read > 0) {
                add(read);
            }
            return read;
        }

        private void add(long bytes) {
            count += bytes;
            if (count > maxBytes) {
                throw ApiError.PAYLOAD_TOO_LARGE.exception(message);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
