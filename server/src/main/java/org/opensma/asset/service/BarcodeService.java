package org.opensma.asset.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opensma.account.SmaPrincipal;
import org.opensma.asset.persistence.BarcodeRepository;
import org.opensma.platform.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Creates, changes and deletes barcodes, which belong to one asset each. */
@Service
public class BarcodeService {

    private static final Logger log = LoggerFactory.getLogger(BarcodeService.class);
    private static final Map<String, Integer> TEXT_COLUMNS = textColumns();

    private final BarcodeRepository barcodes;
    private final AssetWriteService assets;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BarcodeService(BarcodeRepository barcodes, AssetWriteService assets, TransactionTemplate transaction,
            Clock clock) {
        this.barcodes = barcodes;
        this.assets = assets;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Creates one barcode per object of {@code {"Barcodes":[...]}}. Each needs {@code asset_id},
     * unless the route names the asset ({@code pathAssetId}), and {@code barcode_data}.
     */
    public List<Long> create(JsonNode body, Long pathAssetId, SmaPrincipal caller) {
        List<JsonNode> objects = JsonValues.objects(body, "Barcodes");
        LocalDateTime now = now();
        List<Long> ids = transaction.execute(status -> {
            List<Long> created = new ArrayList<>();
            for (int i = 0; i < objects.size(); i++) {
                String where = "Barcodes[" + i + "]: ";
                JsonNode object = objects.get(i);
                if (object.has("id")) {
                    throw JsonValues.invalid(where + "id is given by the server; leave it out on create");
                }
                Long assetId = JsonValues.id(object.get("asset_id"), "asset_id");
                if (pathAssetId != null && assetId != null && !assetId.equals(pathAssetId)) {
                    throw JsonValues.invalid(where + "asset_id " + assetId + " differs from the asset "
                            + pathAssetId + " of the path");
                }
                assetId = assetId == null ? pathAssetId : assetId;
                if (assetId == null) {
                    throw JsonValues.invalid(where + "asset_id is required: the asset the barcode belongs to");
                }
                Map<String, String> columns = columns(object, where);
                if (columns.get("barcode_data") == null || columns.get("barcode_data").isBlank()) {
                    throw JsonValues.invalid(where + "barcode_data is required and must not be empty");
                }
                requireAsset(assetId, caller, where);
                created.add(barcodes.insert(caller.orgId(), assetId, columns, now));
            }
            return created;
        });
        log.info("Barcodes created org={} user={} ids={}", caller.orgId(), caller.userName(), ids);
        return ids;
    }

    public void update(long barcodeId, JsonNode body, SmaPrincipal caller) {
        JsonNode object = JsonValues.single(body, "Barcodes");
        if (object.has("id") && JsonValues.id(object.get("id"), "id") != barcodeId) {
            throw JsonValues.invalid("id " + object.get("id") + " does not match the barcode " + barcodeId
                    + " of the path");
        }
        LocalDateTime now = now();
        transaction.executeWithoutResult(status -> {
            Map<String, Object> current = require(barcodeId, caller);
            Long assetId = JsonValues.id(object.get("asset_id"), "asset_id");
            if (assetId != null) {
                requireAsset(assetId, caller, "");
            }
            Map<String, String> columns = columns(object, "");
            columns.entrySet().removeIf(column -> Objects.equals(current.get(column.getKey()), column.getValue()));
            if (assetId != null && assetId.equals(current.get("asset_id"))) {
                assetId = null;
            }
            if (columns.isEmpty() && assetId == null) {
                throw ApiError.ASSET_NO_CHANGE.exception("the values given are those barcode " + barcodeId
                        + " already has");
            }
            if (columns.containsKey("barcode_data") && columns.get("barcode_data").isBlank()) {
                throw JsonValues.invalid("barcode_data must not be empty");
            }
            barcodes.update(caller.orgId(), barcodeId, assetId, columns, now);
        });
        log.info("Barcode updated org={} user={} barcode={}", caller.orgId(), caller.userName(), barcodeId);
    }

    public void delete(long barcodeId, SmaPrincipal caller) {
        transaction.executeWithoutResult(status -> {
            require(barcodeId, caller);
            barcodes.delete(caller.orgId(), barcodeId);
        });
        log.info("Barcode deleted org={} user={} barcode={}", caller.orgId(), caller.userName(), barcodeId);
    }

    private Map<String, Object> require(long barcodeId, SmaPrincipal caller) {
        Map<String, Object> current = barcodes.lock(caller.orgId(), barcodeId)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Barcode " + barcodeId + " not found"));
        long assetId = ((Number) current.get("asset_id")).longValue();
        try {
            assets.require(assetId, caller);
        } catch (org.opensma.platform.web.ApiException e) {
            throw ApiError.NOT_FOUND.exception("Barcode " + barcodeId + " not found");
        }
        current.put("asset_id", assetId);
        return current;
    }

    private void requireAsset(long assetId, SmaPrincipal caller, String where) {
        try {
            assets.require(assetId, caller);
        } catch (org.opensma.platform.web.ApiException e) {
            throw JsonValues.invalid(where + "asset_id " + assetId + " is not an asset of this organization");
        }
    }

    private static Map<String, String> columns(JsonNode object, String where) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String key = property.getKey();
            if (key.equals("id") || key.equals("asset_id")) {
                continue;
            }
            Integer width = TEXT_COLUMNS.get(key);
            if (width == null) {
                throw JsonValues.invalid(where + "unknown key '" + key + "'; accepted: asset_id, "
                        + String.join(", ", TEXT_COLUMNS.keySet()));
            }
            String text = JsonValues.text(property.getValue(), key, width);
            columns.put(key, text == null ? "" : text);
        }
        return columns;
    }

    private static Map<String, Integer> textColumns() {
        Map<String, Integer> columns = new LinkedHashMap<>();
        columns.put("barcode_data", 1000);
        columns.put("barcode_format", 64);
        columns.put("barcode_name", 255);
        columns.put("scanned_geolocation", 255);
        columns.put("scanned_method", 64);
        return columns;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
