package org.opensma.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code opensma.*}.
 *
 * @param dataDir folder of the embedded H2 database file
 * @param agent settings of the agent endpoint
 * @param session settings of API sessions
 * @param api settings of the KACE API
 */
@ConfigurationProperties("opensma")
public record OpenSmaProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Agent agent,
        @DefaultValue Session session,
        @DefaultValue Api api) {

    /**
     * Settings of the KACE API.
     *
     * @param maxBodySize largest request body accepted on API routes
     */
    public record Api(@DefaultValue("1MB") DataSize maxBodySize) {
    }

    /**
     * Settings of the agent endpoint.
     *
     * @param realm the HTTP Basic realm sent in the 401 challenge; the OCS agent needs the
     *     same value in {@code --realm} before it sends credentials
     * @param maxCompressedSize largest body accepted on the wire
     * @param maxDecodedSize largest body accepted after decompression
     * @param maxCompressionRatio largest decoded-to-wire ratio once the decoded size passes 5 MiB
     * @param prologFrequency how often agents should contact the server, sent as PROLOG_FREQ in hours
     */
    public record Agent(
            @DefaultValue("OpenSMA") String realm,
            @DefaultValue("10MB") DataSize maxCompressedSize,
            @DefaultValue("50MB") DataSize maxDecodedSize,
            @DefaultValue("200") int maxCompressionRatio,
            @DefaultValue("24h") Duration prologFrequency) {
    }

    /**
     * Settings of API sessions.
     *
     * @param tokenLifetime how long the JWT handed out at login stays valid
     */
    public record Session(@DefaultValue("12h") Duration tokenLifetime) {
    }
}
