package org.opensma.asset.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.opensma.account.SmaPrincipal;
import org.opensma.asset.CustomField;
import org.opensma.asset.persistence.AssetRepository;
import org.opensma.asset.persistence.AssetRepository.AssetRow;
import org.opensma.asset.persistence.AssetRepository.Change;
import org.opensma.asset.persistence.AssetRepository.StoredValue;
import org.opensma.asset.persistence.AssetTables;
import org.opensma.asset.persistence.AssetTypeRepository;
import org.opensma.asset.persistence.AssetTypeRepository.TypeRow;
import org.opensma.platform.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Creates, updates, archives and deletes assets, each call in one transaction, and records
 * every changed value in the asset's history. An asset outside the caller's organization, or
 * not owned by a caller limited to their own records, is reported as not found.
 */
@Service
public class AssetWriteService {

    /** The built-in type ids the server itself relies on. */
    public static final long LOCATION_TYPE = 1;
    public static final long DEVICE_TYPE = 5;

    private static final Logger log = LoggerFactory.getLogger(AssetWriteService.class);

    private static final List<String> STANDARD_KEYS = List.of("name", "asset_type_id", "asset_type_name", "owner_id",
            "location_id", "asset_status_id", "asset_class_id");
    private static final List<String> READ_ONLY_KEYS = List.of("created", "modified", "archive", "mapped_id",
            "asset_data_id");

    private final AssetRepository assets;
    private final AssetTypeRepository types;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AssetWriteService(AssetRepository assets, AssetTypeRepository types, TransactionTemplate transaction,
            Clock clock) {
        this.assets = assets;
        this.types = types;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Creates one asset per object of {@code {"Assets":[...]}}, all or none. */
    public List<Long> create(JsonNode body, SmaPrincipal caller) {
        List<JsonNode> objects = JsonValues.objects(body, "Assets");
        LocalDateTime now = now();
        List<Long> ids = transaction.execute(status -> {
            List<CustomField> fields = types.fields(caller.orgId());
            List<Long> created = new ArrayList<>();
            for (int i = 0; i < objects.size(); i++) {
                created.add(createOne(objects.get(i), "Assets[" + i + "]: ", fields, caller, now));
            }
            return created;
        });
        log.info("Assets created org={} user={} ids={}", caller.orgId(), caller.userName(), ids);
        return ids;
    }

    private long createOne(JsonNode object, String where, List<CustomField> fields, SmaPrincipal caller,
            LocalDateTime now) {
        if (object.has("id")) {
            throw JsonValues.invalid(where + "id is given by the server; leave it out on create");
        }
        long typeId = createType(object, where, caller.orgId());
        Map<String, Object> columns = standardColumns(object, where, caller.orgId(), null);
        if (!(columns.get("name") instanceof String name) || name.isBlank()) {
            throw JsonValues.invalid(where + "name is required and must not be empty");
        }
        columns.put("asset_type_id", typeId);
        Map<CustomField, JsonNode> custom = customValues(object, where, fields, typeId);
        long id = assets.insert(caller.orgId(), columns, now);
        List<Change> changes = new ArrayList<>();
        columns.forEach((key, value) -> changes.add(new Change(key, null, Objects.toString(value))));
        custom.forEach((field, node) -> {
            StoredValue value = CustomValues.read(field, node, caller.orgId(), assets);
            assets.setValue(caller.orgId(), id, field.id(), value);
            changes.add(new Change(field.key(), null, CustomValues.show(value)));
        });
        assets.appendHistory(caller.orgId(), id, caller.userId(), caller.userName(), now, changes);
        return id;
    }

    /**
     * Updates standard and custom fields of one asset. A Device asset of an inventoried machine
     * keeps the machine's name; a write that changes nothing is refused, not reported as done.
     */
    public void update(long assetId, JsonNode body, SmaPrincipal caller) {
        JsonNode object = JsonValues.single(body, "Assets");
        if (object.has("id") && !Objects.equals(JsonValues.id(object.get("id"), "id"), assetId)) {
            throw JsonValues.invalid("id " + object.get("id") + " does not match the asset " + assetId + " of the path");
        }
        LocalDateTime now = now();
        List<Change> changes = transaction.execute(status -> updateLocked(assetId, object, caller, now));
        log.info("Asset updated org={} user={} asset={} fields={}", caller.orgId(), caller.userName(), assetId,
                changes.stream().map(Change::field).toList());
    }

    private List<Change> updateLocked(long assetId, JsonNode object, SmaPrincipal caller, LocalDateTime now) {
        AssetRow row = require(assetId, caller);
        Long typeId = JsonValues.id(object.get("asset_type_id"), "asset_type_id");
        if (typeId != null && typeId != row.typeId()) {
            throw JsonValues.invalid("asset_type_id cannot change (asset " + assetId + " is of type " + row.typeId()
                    + "); create a new asset of the other type instead");
        }
        Map<String, Object> columns = standardColumns(object, "", caller.orgId(), row);
        if (row.mappedId() > 0 && columns.containsKey("name") && !columns.get("name").equals(row.name())) {
            throw JsonValues.invalid("name of asset " + assetId + " follows inventory machine " + row.mappedId()
                    + "; rename the machine instead");
        }

        Map<String, Object> current = current(row);
        List<Change> changes = new ArrayList<>();
        Map<String, Object> changed = new LinkedHashMap<>();
        columns.forEach((key, value) -> {
            if (!Objects.equals(current.get(key), value)) {
                changed.put(key, value);
                changes.add(new Change(key, Objects.toString(current.get(key), null), Objects.toString(value, null)));
            }
        });

        Map<CustomField, JsonNode> custom = customValues(object, "", types.fields(caller.orgId()), row.typeId());
        Map<Long, StoredValue> stored = assets.values(assetId);
        for (Map.Entry<CustomField, JsonNode> entry : custom.entrySet()) {
            CustomField field = entry.getKey();
            StoredValue value = CustomValues.read(field, entry.getValue(), caller.orgId(), assets);
            StoredValue before = stored.get(field.id());
            if (!CustomValues.same(before, value)) {
                assets.setValue(caller.orgId(), assetId, field.id(), value);
                changes.add(new Change(field.key(), CustomValues.show(before), CustomValues.show(value)));
            }
        }

        if (changes.isEmpty()) {
            throw ApiError.ASSET_NO_CHANGE.exception("the values given are those asset " + assetId + " already has");
        }
        if (changed.isEmpty()) {
            assets.touch(caller.orgId(), assetId, now);
        } else {
            assets.update(caller.orgId(), assetId, changed, now);
        }
        assets.appendHistory(caller.orgId(), assetId, caller.userId(), caller.userName(), now, changes);
        return changes;
    }

    public void delete(long assetId, SmaPrincipal caller) {
        transaction.executeWithoutResult(status -> {
            require(assetId, caller);
            assets.delete(caller.orgId(), assetId);
        });
        log.info("Asset deleted org={} user={} asset={}", caller.orgId(), caller.userName(), assetId);
    }

    /** Archives an asset with the reason given in {@code {"archiveReason":"..."}}. */
    public void archive(long assetId, JsonNode body, SmaPrincipal caller) {
        String reason = archiveReason(body);
        LocalDateTime now = now();
        transaction.executeWithoutResult(status -> {
            AssetRow row = require(assetId, caller);
            if (!row.archive().isEmpty()) {
                throw ApiError.ASSET_CONFLICT.exception("Asset " + assetId + " is already archived");
            }
            assets.archive(caller.orgId(), assetId, reason, now);
            assets.appendHistory(caller.orgId(), assetId, caller.userId(), caller.userName(), now,
                    List.of(new Change("archive", "", "completed"), new Change("archive_reason", null, reason)));
        });
        log.info("Asset archived org={} user={} asset={}", caller.orgId(), caller.userName(), assetId);
    }

    private static String archiveReason(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.ASSET_ARCHIVE_REASON.exception();
        }
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            if (!property.getKey().equals("archiveReason")) {
                throw JsonValues.invalid("unknown key '" + property.getKey() + "'; the body accepts only"
                        + " \"archiveReason\"");
            }
        }
        String reason = JsonValues.text(body.get("archiveReason"), "archiveReason", 4000);
        if (reason == null || reason.isBlank()) {
            throw ApiError.ASSET_ARCHIVE_REASON.exception();
        }
        return reason;
    }

    /** Throws 404 unless the caller can see the asset; locks it for the rest of the transaction. */
    AssetRow require(long assetId, SmaPrincipal caller) {
        return assets.lock(caller.orgId(), assetId, visibleTo(caller))
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Asset " + assetId + " not found"));
    }

    /** Throws 404 unless the caller can see the asset, for reads of what hangs off an asset. */
    public void requireVisible(long assetId, SmaPrincipal caller) {
        if (!assets.visible(caller.orgId(), assetId, visibleTo(caller))) {
            throw ApiError.NOT_FOUND.exception("Asset " + assetId + " not found");
        }
    }

    private static Condition visibleTo(SmaPrincipal caller) {
        return caller.role().ownRecordsOnly()
                ? AssetTables.ASSET_OWNER_ID.eq(caller.userId())
                : DSL.noCondition();
    }

    private long createType(JsonNode object, String where, long orgId) {
        Long typeId = JsonValues.id(object.get("asset_type_id"), "asset_type_id");
        if (typeId != null) {
            return types.findType(orgId, typeId).map(TypeRow::id).orElseThrow(() -> JsonValues.invalid(where
                    + "asset_type_id " + typeId + " is not an asset type of this organization; see"
                    + " GET /api/asset/assets/types"));
        }
        String typeName = JsonValues.text(object.get("asset_type_name"), "asset_type_name", 255);
        if (typeName == null) {
            throw JsonValues.invalid(where + "asset_type_id (or asset_type_name) is required");
        }
        return types.findTypeByName(orgId, typeName).map(TypeRow::id).orElseThrow(() -> JsonValues.invalid(where
                + "asset_type_name '" + typeName + "' names no asset type; see GET /api/asset/assets/types"));
    }

    /**
     * Reads the standard columns the object sets and rejects unknown keys. Custom
     * {@code field_<id>} keys are read separately. Read-only keys are rejected on create. On an
     * update of {@code current} they are accepted when unchanged, so that a client can send back
     * the object it read: {@code created} and {@code modified} are ignored, and {@code archive},
     * {@code mapped_id} and {@code asset_data_id} must equal the stored values.
     */
    private Map<String, Object> standardColumns(JsonNode object, String where, long orgId, AssetRow current) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String key = property.getKey();
            JsonNode value = property.getValue();
            if (key.equals("id") || key.startsWith("field_") || key.equals("asset_type_id")
                    || key.equals("asset_type_name")) {
                continue;
            }
            if (READ_ONLY_KEYS.contains(key)) {
                requireUnchanged(key, value, where, current);
                continue;
            }
            switch (key) {
                case "name" -> {
                    String name = JsonValues.text(value, "name", 255);
                    if (name == null || name.isBlank()) {
                        throw JsonValues.invalid(where + "name must not be empty");
                    }
                    columns.put(key, name);
                }
                case "owner_id" -> columns.put(key, owner(value, where, orgId));
                case "location_id" -> columns.put(key, location(value, where, orgId));
                case "asset_status_id", "asset_class_id" -> columns.put(key, orZero(JsonValues.id(value, key)));
                default -> throw JsonValues.invalid(where + "unknown key '" + key + "'; accepted: "
                        + String.join(", ", STANDARD_KEYS) + " and field_<id> of the asset's type");
            }
        }
        return columns;
    }

    private static void requireUnchanged(String key, JsonNode value, String where, AssetRow current) {
        if (current == null) {
            throw JsonValues.invalid(where + key + " is read-only");
        }
        Object stored = switch (key) {
            case "archive" -> current.archive();
            case "mapped_id" -> current.mappedId();
            case "asset_data_id" -> current.id();
            default -> null;
        };
        if (stored == null) {
            return;
        }
        Object given = stored instanceof String ? JsonValues.text(value, key, 32) : JsonValues.id(value, key);
        if (!stored.equals(given)) {
            throw JsonValues.invalid(where + key + " is read-only; it is " + stored + " and cannot be set to "
                    + JsonValues.describe(value));
        }
    }

    private long owner(JsonNode value, String where, long orgId) {
        long owner = orZero(JsonValues.id(value, "owner_id"));
        if (owner != 0 && !assets.isMember(orgId, owner)) {
            throw JsonValues.invalid(where + "owner_id " + owner + " is not a user of this organization");
        }
        return owner;
    }

    private Long location(JsonNode value, String where, long orgId) {
        Long location = JsonValues.id(value, "location_id");
        if (location == null || location == 0) {
            return null;
        }
        if (!assets.exists(orgId, location, LOCATION_TYPE)) {
            throw JsonValues.invalid(where + "location_id " + location + " is not a Location asset (type "
                    + LOCATION_TYPE + ") of this organization");
        }
        return location;
    }

    private static Map<CustomField, JsonNode> customValues(JsonNode object, String where, List<CustomField> fields,
            long typeId) {
        Map<CustomField, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            String key = property.getKey();
            if (!key.startsWith("field_")) {
                continue;
            }
            CustomField field = fields.stream().filter(f -> f.key().equals(key) && f.typeId() == typeId)
                    .findFirst()
                    .orElseThrow(() -> JsonValues.invalid(where + "unknown key '" + key + "'; asset type " + typeId
                            + " has the custom fields " + fields.stream().filter(f -> f.typeId() == typeId)
                            .map(CustomField::key).toList()));
            values.put(field, property.getValue());
        }
        return values;
    }

    private static Map<String, Object> current(AssetRow row) {
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("name", row.name());
        current.put("owner_id", row.ownerId());
        current.put("location_id", row.locationId());
        current.put("asset_status_id", row.statusId());
        current.put("asset_class_id", row.classId());
        return current;
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
