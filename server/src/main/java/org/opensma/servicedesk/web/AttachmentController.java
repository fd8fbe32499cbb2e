package org.opensma.servicedesk.web;

import java.nio.charset.StandardCharsets;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.web.PathIds;
import org.opensma.servicedesk.persistence.ChangeRepository.StoredAttachment;
import org.opensma.servicedesk.service.TicketReadService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads one attachment as raw bytes. It is always sent as a download with
 * {@code nosniff}, so a stored file is never rendered in the server's origin.
 */
@RestController
@Access(Module.SERVICE_DESK)
class AttachmentController {

    private final TicketReadService reads;

    AttachmentController(TicketReadService reads) {
        this.reads = reads;
    }

    @GetMapping("/api/service_desk/tickets/{id}/changes/{changeId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String changeId,
            @PathVariable String attachmentId) {
        SmaPrincipal caller = CurrentPrincipal.get();
        StoredAttachment file = reads.attachment(PathIds.parse(id, "ticket id"), PathIds.parse(changeId, "change id"),
                PathIds.parse(attachmentId, "attachment id"), caller);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
