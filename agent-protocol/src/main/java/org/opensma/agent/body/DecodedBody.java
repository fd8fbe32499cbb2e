package org.opensma.agent.body;

import java.util.Objects;

/**
 * Agent request body after decompression.
 *
 * <p>The content array is not copied, because inventories can be tens of megabytes, so callers
 * must not modify it.
 *
 * @param encoding encoding detected on the wire
 * @param content decoded bytes, XML or JSON in UTF-8 as sent by the agent
 * @param wireBytes number of bytes read from the request stream
 */
public record DecodedBody(BodyEncoding encoding, byte[] content, long wireBytes) {

    public DecodedBody {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(content, "content");
    }
}
