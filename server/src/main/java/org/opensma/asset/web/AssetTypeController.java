package org.opensma.asset.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.asset.service.AssetTypeService;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.ListQueryExecutor;
import org.opensma.platform.query.ListRequest;
import org.opensma.platform.query.RawQueries;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.web.PathIds;
import org.opensma.query.syntax.RawQuery;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/asset/assets/types}: the built-in asset types and the organization's own, each
 * with its custom fields, and the writes that define them.
 */
@RestController
@Access(Module.ASSET)
class AssetTypeController {

    private static final String EXAMPLE = "{\"AssetTypes\":[{\"name\":\"...\",\"fields\":[{\"name\":\"...\","
            + "\"type\":\"text\"}]}]}";

    private final ListQueryExecutor lists;
    private final EntityView types;
    private final AssetTypeService writes;
    private final JsonMapper jsonMapper;

    AssetTypeController(ListQueryExecutor lists, EntityView assetTypeView, AssetTypeService writes,
            JsonMapper jsonMapper) {
        this.lists = lists;
        this.types = assetTypeView;
        this.writes = writes;
        this.jsonMapper = jsonMapper;
    }

    @GetMapping("/api/asset/assets/types")
    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        ListRequest list = ListRequest.list(types, withFields(RawQueries.from(request)), caller);
        lists.execute(list, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @GetMapping("/api/asset/assets/types/{id}")
    void get(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long typeId = PathIds.parse(id, "asset type id");
        ListRequest single = ListRequest.single(types, withFields(RawQueries.from(request)), caller, typeId,
                "Asset type " + typeId + " not found");
        lists.execute(single, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @PostMapping("/api/asset/assets/types")
    Map<String, Object> create(@RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        return Bodies.created(writes.create(Bodies.parse(jsonMapper, body, EXAMPLE), caller));
    }

    @PutMapping("/api/asset/assets/types/{id}")
    Map<String, String> update(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        long typeId = PathIds.parse(id, "asset type id");
        writes.update(typeId, Bodies.parse(jsonMapper, body, EXAMPLE), caller);
        return Bodies.SUCCESS;
    }

    @DeleteMapping("/api/asset/assets/types/{id}")
    Map<String, String> delete(@PathVariable String id) {
        SmaPrincipal caller = CurrentPrincipal.get();
        writes.delete(PathIds.parse(id, "asset type id"), caller);
        return Bodies.SUCCESS;
    }

    @DeleteMapping("/api/asset/assets/types/{id}/fields/{fieldId}")
    Map<String, String> deleteField(@PathVariable String id, @PathVariable String fieldId) {
        SmaPrincipal caller = CurrentPrincipal.get();
        writes.deleteField(PathIds.parse(id, "asset type id"), PathIds.parse(fieldId, "field id"), caller);
        return Bodies.SUCCESS;
    }

    /** Types show their fields unless the shaping names the fields relation itself. */
    private static RawQuery withFields(RawQuery raw) {
        String shaping = raw.shaping() == null || raw.shaping().isBlank() ? "" : raw.shaping();
        if (shaping.toLowerCase(java.util.Locale.ROOT).matches("(?s).*(^|,)\\s*fields\\s.*")) {
            return raw;
        }
        String withFields = shaping.isEmpty() ? "fields standard" : shaping + ",fields standard";
        return new RawQuery(raw.filtering(), raw.sorting(), raw.paging(), withFields, raw.useCount(),
                raw.useCountOnly());
    }
}
