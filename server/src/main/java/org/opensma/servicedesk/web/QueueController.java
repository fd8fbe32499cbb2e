package org.opensma.servicedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.ListQueryExecutor;
import org.opensma.platform.query.ListRequest;
import org.opensma.platform.query.RawQueries;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.web.ApiError;
import org.opensma.platform.web.PathIds;
import org.opensma.servicedesk.service.QueueService;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/service_desk/queues}: queues with their values ({@code shaping=fields all}
 * embeds the layout), one queue's field layout as ticket bodies name it, a template
 * ticket, and administrators' edits of names and fields.
 */
@RestController
@Access(Module.SERVICE_DESK)
class QueueController {

    private final ListQueryExecutor lists;
    private final EntityView queues;
    private final EntityView layout;
    private final QueueService service;
    private final JsonMapper jsonMapper;

    QueueController(ListQueryExecutor lists, EntityView queueView, EntityView fieldLayoutView, QueueService service,
            JsonMapper jsonMapper) {
        this.lists = lists;
        this.queues = queueView;
        this.layout = fieldLayoutView;
        this.service = service;
        this.jsonMapper = jsonMapper;
    }

    @GetMapping("/api/service_desk/queues")
    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        lists.execute(ListRequest.list(queues, RawQueries.from(request), caller),
                request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @GetMapping("/api/service_desk/queues/{id}")
    void get(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long queueId = PathIds.parse(id, "queue id");
        lists.execute(ListRequest.single(queues, RawQueries.from(request), caller, queueId,
                "Queue " + queueId + " not found"), request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @GetMapping("/api/service_desk/queues/{id}/fields")
    void fields(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long queueId = PathIds.parse(id, "queue id");
        service.requireQueue(queueId, caller);
        ListRequest list = ListRequest.list(layout, RawQueries.from(request), caller)
                .where(DSL.field(DSL.name("hd_queue_field", "hd_queue_id"), SQLDataType.BIGINT).eq(queueId));
        lists.execute(list, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @GetMapping("/api/service_desk/queues/{id}/ticket_template")
    Map<String, Object> ticketTemplate(@PathVariable String id) {
        SmaPrincipal caller = CurrentPrincipal.get();
        Map<String, Object> template = service.template(PathIds.parse(id, "queue id"), caller);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Count", 1);
        result.put("Warnings", Map.of());
        result.put("Tickets", List.of(template));
        return result;
    }

    @PutMapping("/api/service_desk/queues/{id}")
    Map<String, String> update(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        long queueId = PathIds.parse(id, "queue id");
        if (body == null || body.length == 0) {
            throw ApiError.INVALID_BODY.exception("send {\"Queues\":[{\"name\": …, \"fields\": [...]}]}");
        }
        try {
            service.update(queueId, jsonMapper.readTree(body), caller);
        } catch (JacksonException e) {
            throw ApiError.INVALID_BODY.exception("the body is not valid JSON: " + e.getOriginalMessage());
        }
        return Map.of("Result", "Success");
    }
}
