package org.opensma.asset.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.asset.service.AssetWriteService;
import org.opensma.asset.service.BarcodeService;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.ListQueryExecutor;
import org.opensma.platform.query.ListRequest;
import org.opensma.platform.query.RawQueries;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.web.PathIds;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/asset/barcodes} and {@code /api/asset/assets/{id}/barcodes}. */
@RestController
@Access(Module.ASSET)
class BarcodeController {

    private static final String EXAMPLE = "{\"Barcodes\":[{\"asset_id\":1,\"barcode_data\":\"...\"}]}";

    private final ListQueryExecutor lists;
    private final EntityView barcodes;
    private final BarcodeService writes;
    private final AssetWriteService assets;
    private final JsonMapper jsonMapper;

    BarcodeController(ListQueryExecutor lists, EntityView barcodeView, BarcodeService writes,
            AssetWriteService assets, JsonMapper jsonMapper) {
        this.lists = lists;
        this.barcodes = barcodeView;
        this.writes = writes;
        this.assets = assets;
        this.jsonMapper = jsonMapper;
    }

    @GetMapping("/api/asset/barcodes")
    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        lists.execute(ListRequest.list(barcodes, RawQueries.from(request), caller),
                request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @GetMapping("/api/asset/barcodes/{id}")
    void get(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long barcodeId = PathIds.parse(id, "barcode id");
        ListRequest single = ListRequest.single(barcodes, RawQueries.from(request), caller, barcodeId,
                "Barcode " + barcodeId + " not found");
        lists.execute(single, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @GetMapping("/api/asset/assets/{id}/barcodes")
    void ofAsset(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long assetId = PathIds.parse(id, "asset id");
        assets.requireVisible(assetId, caller);
        ListRequest list = ListRequest.list(barcodes, RawQueries.from(request), caller)
                .where(DSL.field(DSL.name("barcode", "asset_id"), SQLDataType.BIGINT).eq(assetId));
        lists.execute(list, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @PostMapping("/api/asset/barcodes")
    Map<String, Object> create(@RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        return Bodies.created(writes.create(Bodies.parse(jsonMapper, body, EXAMPLE), null, caller));
    }

    @PostMapping("/api/asset/assets/{id}/barcodes")
    Map<String, Object> createForAsset(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        long assetId = PathIds.parse(id, "asset id");
        return Bodies.created(writes.create(Bodies.parse(jsonMapper, body, EXAMPLE), assetId, caller));
    }

    @PutMapping("/api/asset/barcodes/{id}")
    Map<String, String> update(@PathVariable String id, @RequestBody(required = false) byte[] body) {
        SmaPrincipal caller = CurrentPrincipal.get();
        writes.update(PathIds.parse(id, "barcode id"), Bodies.parse(jsonMapper, body, EXAMPLE), caller);
        return Bodies.SUCCESS;
    }

    @DeleteMapping("/api/asset/barcodes/{id}")
    Map<String, String> delete(@PathVariable String id) {
        SmaPrincipal caller = CurrentPrincipal.get();
        writes.delete(PathIds.parse(id, "barcode id"), caller);
        return Bodies.SUCCESS;
    }
}
