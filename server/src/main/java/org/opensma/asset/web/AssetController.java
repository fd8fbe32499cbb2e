package org.opensma.asset.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opensma.account.Module;
import org.opensma.account.SmaPrincipal;
import org.opensma.asset.service.AssetWriteService;
import org.opensma.platform.query.EntityView;
import org.opensma.platform.query.ListQueryExecutor;
import org.opensma.platform.query.ListRequest;
import org.opensma.platform.query.RawQueries;
import org.opensma.platform.security.Access;
import org.opensma.platform.security.CurrentPrincipal;
import org.opensma.platform.web.PathIds;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reads of {@code /api/asset}: assets with their custom fields, archived assets, and an asset's history. */
@RestController
@Access(Module.ASSET)
class AssetController {

    private final ListQueryExecutor lists;
    private final AssetViews views;
    private final EntityView history;
    private final AssetWriteService assets;

    AssetController(ListQueryExecutor lists, AssetViews views, EntityView assetHistoryView, AssetWriteService assets) {
        this.lists = lists;
        this.views = views;
        this.history = assetHistoryView;
        this.assets = assets;
    }

    @GetMapping("/api/asset/assets")
    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        ListRequest list = ListRequest.list(views.forOrg(caller.orgId()), RawQueries.from(request), caller);
        lists.execute(list, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    @GetMapping("/api/asset/assets/{id}")
    void get(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long assetId = PathIds.parse(id, "asset id");
        ListRequest single = ListRequest.single(views.forOrg(caller.orgId()), RawQueries.from(request), caller,
                assetId, "Asset " + assetId + " not found");
        lists.execute(single, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    /** An archived asset; a live one is not found here. */
    @GetMapping("/api/asset/archived_devices/{id}")
    void archived(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long assetId = PathIds.parse(id, "asset id");
        ListRequest single = ListRequest.single(views.forOrg(caller.orgId()), RawQueries.from(request), caller,
                assetId, "Archived asset " + assetId + " not found")
                .where(DSL.field(DSL.name("asset", "archive"), SQLDataType.VARCHAR).ne(""));
        lists.execute(single, request.getHeader(HttpHeaders.ACCEPT), response);
    }

    /** Every recorded change of one asset: who, when, the field, the old and the new value. */
    @GetMapping("/api/asset/assets/{id}/history")
    void history(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        SmaPrincipal caller = CurrentPrincipal.get();
        long assetId = PathIds.parse(id, "asset id");
        assets.requireVisible(assetId, caller);
        ListRequest list = ListRequest.list(history, RawQueries.from(request), caller)
                .where(DSL.field(DSL.name("asset_history", "asset_id"), SQLDataType.BIGINT).eq(assetId));
        lists.execute(list, request.getHeader(HttpHeaders.ACCEPT), response);
    }
}
