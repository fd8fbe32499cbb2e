package org.opensma.servicedesk.service;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the service desk ({@code opensma.service-desk.*}).
 *
 * @param attachmentMaxSize the largest file accepted as a ticket attachment; the request
 *     body limit {@code opensma.api.max-body-size} caps the whole upload as well
 * @param attachmentTypes the content types accepted for attachments; {@code type/*} accepts a family
 * @param mailFrom the sender address of notifications
 */
@ConfigurationProperties("opensma.service-desk")
public record ServiceDeskProperties(@DefaultValue("512KB") DataSize attachmentMaxSize,
        @DefaultValue({"text/plain", "text/csv", "image/png", "image/jpeg", "image/gif", "application/pdf",
            "application/zip", "application/json", "application/octet-stream"}) List<String> attachmentTypes,
        @DefaultValue("opensma@localhost") String mailFrom) {
}
