package org.opensma.asset.web;

import java.util.Map;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.asset.service.AssetWriteService;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.web.PathIds;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Asset writes: create, update, delete and archive. */
@RestController
@Access(Module.ASSET)
class AssetWriteController {

    private static final String EXAMPLE = "{\"Assets\":[{\"name\":\"...\",\"asset_type_id\":5}]}";

    private final AssetWriteService assets;
    private final JsonMapper jsonMapper;

    AssetWriteController(AssetWriteService assets, JsonMapper jsonMapper) {
        this.assets = assets;
        this.jsonMapper = jsonMapper;
    }

    @PostMapping("/api/asset/assets")
    Map<String, Object> create(@RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        return Bodies.created(assets.create(Bodies.parse(jsonMapper, body, EXAMPLE), caller));
    }

    @PutMapping("/api/asset/assets/{id}")
    Map<String, String> update(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        long assetId = PathIds.parse(id, "asset id");
        assets.update(assetId, Bodies.parse(jsonMapper, body, EXAMPLE), caller);
        return Bodies.SUCCESS;
    }

    @DeleteMapping("/api/asset/assets/{id}")
    Map<String, String> delete(@PathVariable String id) {
        SmaPrincipal caller = CurrentPrincipal.get();
        assets.delete(PathIds.parse(id, "asset id"), caller);
        return Bodies.SUCCESS;
    }

    @PostMapping("/api/asset/assets/{id}/archive")
    Map<String, String> archive(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        long assetId = PathIds.parse(id, "asset id");
        assets.archive(assetId, body == null || body.length == 0 ? null
                : Bodies.parse(jsonMapper, body, "{\"archiveReason\":\"...\"}"), caller);
        return Bodies.SUCCESS;
    }
}
