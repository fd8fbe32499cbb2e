package org.opensma.servicedesk.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.opensma.platform.web.ApiError;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Checks an uploaded file against the size and content-type limits before it is read. */
@Component
public class AttachmentPolicy {

    private static final int MAX_NAME_LENGTH = 255;

    private final ServiceDeskProperties properties;

    AttachmentPolicy(ServiceDeskProperties properties) {
        this.properties = properties;
    }

    /** Where the bytes of a part come from. */
    @FunctionalInterface
    public interface Source {

        InputStream open() throws IOException;
    }

    public TicketWriteService.Upload check(String fileName, String contentType, long size, Source source)
            throws IOException {
        String name = fileName(fileName);
        long max = properties.attachmentMaxSize().toBytes();
        if (size > max) {
            throw ApiError.ATTACHMENT_TOO_LARGE.exception(name, size, max);
        }
        String type = contentType(name, contentType);
        byte[] content;
        try (InputStream in = source.open()) {
            content = in.readNBytes((int) max + 1);
        }
        if (content.length > max) {
            throw ApiError.ATTACHMENT_TOO_LARGE.exception(name, (long) content.length, max);
        }
        return new TicketWriteService.Upload(name, type, content);
    }

    /** The file name without any folder part, as browsers and curl may send one. */
    private static String fileName(String submitted) {
        String name = submitted.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiError.INVALID_BODY.exception("an attachment needs a file name of 1 to " + MAX_NAME_LENGTH
                    + " characters without control characters");
        }
        return name;
    }

    private String contentType(String name, String declared) {
        MediaType type;
        try {
            type = declared == null || declared.isBlank()
                    ? MediaType.APPLICATION_OCTET_STREAM
                    : MediaType.parseMediaType(declared);
        } catch (InvalidMediaTypeException e) {
            throw ApiError.ATTACHMENT_TYPE.exception(name, declared, String.join(", ", properties.attachmentTypes()));
        }
        String essence = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        boolean accepted = properties.attachmentTypes().stream().map(String::strip)
                .anyMatch(allowed -> allowed.equalsIgnoreCase(essence)
                        || (allowed.endsWith("/*") && essence.startsWith(allowed.substring(0, allowed.length() - 1))));
        if (!accepted) {
            throw ApiError.ATTACHMENT_TYPE.exception(name, essence, String.join(", ", properties.attachmentTypes()));
        }
        return essence;
    }
}
