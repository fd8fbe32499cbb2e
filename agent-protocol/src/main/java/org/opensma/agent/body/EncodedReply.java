package org.opensma.agent.body;

import java.util.Objects;

/**
 * Reply body ready to send to an agent.
 *
 * @param body bytes for the HTTP reply body
 * @param contentType value for the Content-Type header
 */
public record EncodedReply(byte[] body, String contentType) {

    public EncodedReply {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
    }
}
