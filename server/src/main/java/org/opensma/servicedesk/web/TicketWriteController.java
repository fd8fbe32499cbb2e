package org.opensma.servicedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.PathIds;
import org.opensma.servicedesk.service.AttachmentPolicy;
import org.opensma.servicedesk.service.TicketActionService;
import org.opensma.servicedesk.service.TicketActionService.Decision;
import org.opensma.servicedesk.service.TicketWriteService;
import org.opensma.servicedesk.service.TicketWriteService.Upload;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ticket writes. Creating, updating, commenting, approving and adding work need only READ
 * on the service desk here, because standard users (who read the service desk) open and
 * comment their own tickets; the service refuses every other role without WRITE. Bodies
 * are read as JSON whatever their Content-Type; a multipart update carries files.
 */
@RestController
@Access(Module.SERVICE_DESK)
class TicketWriteController {

    private static final Map<String, String> SUCCESS = Map.of("Result", "Success");

    private final TicketWriteService writes;
    private final TicketActionService actions;
    private final AttachmentPolicy attachments;
    private final JsonMapper jsonMapper;

    TicketWriteController(TicketWriteService writes, TicketActionService actions, AttachmentPolicy attachments,
            JsonMapper jsonMapper) {
        this.writes = writes;
        this.actions = actions;
        this.attachments = attachments;
        this.jsonMapper = jsonMapper;
    }

    @Access(value = Module.SERVICE_DESK, level = Access.Level.READ)
    @PostMapping("/api/service_desk/tickets")
    Map<String, Object> create(@RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        List<Long> ids = writes.create(parse(body), caller);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Result", "Success");
        result.put("IDs", ids);
        return result;
    }

    @Access(value = Module.SERVICE_DESK, level = Access.Level.READ)
    @PostMapping("/api/service_desk/tickets/{id}")
    Map<String, String> updateByPost(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        return update(id, body);
    }

    @Access(value = Module.SERVICE_DESK, level = Access.Level.READ)
    @PutMapping("/api/service_desk/tickets/{id}")
    Map<String, String> update(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        writes.update(PathIds.parse(id, "ticket id"), parse(body), List.of(), caller);
        return SUCCESS;
    }

    /**
     * An update with files: the part {@code Tickets} (or {@code body}) contains the JSON body,
     * a part {@code comment} may hold the comment alone, and every part with a file name is
     * attached to the change this update records.
     */
    @Access(value = Module.SERVICE_DESK, level = Access.Level.READ)
    @PostMapping(path = "/api/service_desk/tickets/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, String> updateWithFiles(@PathVariable String id, HttpServletRequest request)
            throws IOException, jakarta.servlet.ServletException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long ticketId = PathIds.parse(id, "ticket id");
        JsonNode body = null;
        String comment = null;
        List<Upload> uploads = new ArrayList<>();
        for (Part part : request.getParts()) {
            if (part.getSubmittedFileName() != null) {
                uploads.add(attachments.check(part.getSubmittedFileName(), part.getContentType(), part.getSize(),
                        part::getInputStream));
            } else if (part.getName().equalsIgnoreCase("Tickets") || part.getName().equalsIgnoreCase("body")) {
                body = parse(read(part));
            } else if (part.getName().equalsIgnoreCase("comment")) {
                comment = new String(read(part), StandardCharsets.UTF_8);
            }
        }
        if (comment != null) {
            if (body != null) {
                throw ApiError.INVALID_BODY.exception("send the comment either in the part 'comment' or in"
                        + " Tickets[0].change.comment, not both");
            }
            var ticket = jsonMapper.createObjectNode();
            ticket.putObject("change").put("comment", comment);
            var wrapper = jsonMapper.createObjectNode();
            wrapper.putArray("Tickets").add(ticket);
            body = wrapper;
        }
        writes.update(ticketId, body, uploads, caller);
        return SUCCESS;
    }

    @DeleteMapping("/api/service_desk/tickets/{id}")
    Map<String, String> delete(@PathVariable String id) {
        SmaPrincipal caller = CurrentPrincipal.get();
        writes.delete(PathIds.parse(id, "ticket id"), caller);
        return SUCCESS;
    }

    @Access(value = Module.SERVICE_DESK, level = Access.Level.READ)
    @PostMapping("/api/service_desk/tickets/{id}/approve")
    Map<String, String> approve(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        return decide(id, Decision.APPROVE, body);
    }

    @Access(value = Module.SERVICE_DESK, level = Access.Level.READ)
    @PostMapping("/api/service_desk/tickets/{id}/reject")
    Map<String, String> reject(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        return decide(id, Decision.REJECT, body);
    }

    @Access(value = Module.SERVICE_DESK, level = Access.Level.READ)
    @PostMapping("/api/service_desk/tickets/{id}/clearApproval")
    Map<String, String> clearApproval(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        return decide(id, Decision.CLEAR, body);
    }

    @Access(value = Module.SERVICE_DESK, level = Access.Level.READ)
    @PostMapping("/api/service_desk/tickets/{id}/work")
    Map<String, String> work(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        actions.addWork(PathIds.parse(id, "ticket id"), parse(body), caller);
        return SUCCESS;
    }

    private Map<String, String> decide(String id, Decision decision, byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        actions.decide(PathIds.parse(id, "ticket id"), decision, parseOptional(body), caller);
        return SUCCESS;
    }

    private static byte[] read(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** An approval without a note may come without a body. */
    private JsonNode parseOptional(byte[] body) {
        if (body == null || body.length == 0) {
            return jsonMapper.readTree("{\"approvalData\":[{}]}");
        }
        return parse(body);
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiError.INVALID_BODY.exception("the body is missing; send {\"Tickets\":[{...}]}");
        }
        try {
            return jsonMapper.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.INVALID_BODY.exception("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
