package org.opensma.asset.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensma.account.SmaPrincipal;
import org.opensma.asset.CustomField;
import org.opensma.asset.FieldKind;
import org.opensma.asset.persistence.AssetTypeRepository;
import org.opensma.asset.persistence.AssetTypeRepository.TypeRow;
import org.opensma.platform.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Creates, changes and deletes asset types and their custom fields. Built-in types keep
 * their names but take custom fields, which belong to the caller's organization.
 */
@Service
public class AssetTypeService {

    private static final Logger log = LoggerFactory.getLogger(AssetTypeService.class);
    private static final Set<String> TYPE_KEYS = Set.of("id", "name", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("id", "name", "type", "choices", "ref_asset_type_id");

    private final AssetTypeRepository types;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AssetTypeService(AssetTypeRepository types, TransactionTemplate transaction, Clock clock) {
        this.types = types;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The custom fields of every type of the organization. */
    public List<CustomField> fields(long orgId) {
        return types.fields(orgId);
    }

    /** Creates one type per object of {@code {"AssetTypes":[{"name", "fields":[...]}]}}. */
    public List<Long> create(JsonNode body, SmaPrincipal caller) {
        List<JsonNode> objects = JsonValues.objects(body, "AssetTypes");
        LocalDateTime now = now();
        List<Long> ids = transaction.execute(status -> {
            List<Long> created = new ArrayList<>();
            for (JsonNode object : objects) {
                requireKeys(object, TYPE_KEYS, "asset type");
                if (object.has("id")) {
                    throw JsonValues.invalid("id is given by the server; leave it out on create");
                }
                String name = typeName(object, caller.orgId(), null);
                long typeId = types.insertType(caller.orgId(), name, now);
                addFields(object.get("fields"), typeId, caller.orgId(), now);
                created.add(typeId);
            }
            return created;
        });
        log.info("Asset types created org={} user={} ids={}", caller.orgId(), caller.userName(), ids);
        return ids;
    }

    /**
     * Renames a type of the organization and adds or changes its fields: a field object with
     * an {@code id} changes that field's name or choices, one without adds a field.
     */
    public void update(long typeId, JsonNode body, SmaPrincipal caller) {
        JsonNode object = JsonValues.single(body, "AssetTypes");
        requireKeys(object, TYPE_KEYS, "asset type");
        if (object.has("id") && JsonValues.id(object.get("id"), "id") != typeId) {
            throw JsonValues.invalid("id " + object.get("id") + " does not match the type " + typeId + " of the path");
        }
        LocalDateTime now = now();
        transaction.executeWithoutResult(status -> {
            TypeRow type = requireType(typeId, caller.orgId());
            if (!object.has("name") && !object.has("fields")) {
                throw ApiError.ASSET_NO_CHANGE.exception("give name or fields");
            }
            boolean changed = false;
            if (object.has("name")) {
                String name = typeName(object, caller.orgId(), typeId);
                if (!name.equals(type.name())) {
                    if (type.builtIn()) {
                        throw ApiError.ASSET_CONFLICT.exception("Built-in asset type " + typeId
                                + " cannot be renamed");
                    }
                    types.renameType(caller.orgId(), typeId, name, now);
                    changed = true;
                }
            }
            changed |= addFields(object.get("fields"), typeId, caller.orgId(), now);
            if (!changed) {
                throw ApiError.ASSET_NO_CHANGE.exception("the values given are those asset type " + typeId
                        + " already has");
            }
            types.touchType(typeId, now);
        });
        log.info("Asset type updated org={} user={} type={}", caller.orgId(), caller.userName(), typeId);
    }

    /** Deletes a type of the organization that no asset has. */
    public void delete(long typeId, SmaPrincipal caller) {
        transaction.executeWithoutResult(status -> {
            TypeRow type = requireType(typeId, caller.orgId());
            if (type.builtIn()) {
                throw ApiError.ASSET_CONFLICT.exception("Built-in asset type " + typeId + " cannot be deleted");
            }
            if (types.typeInUse(caller.orgId(), typeId)) {
                throw ApiError.ASSET_CONFLICT.exception("Asset type " + typeId
                        + " still has assets; delete or archive them first");
            }
            types.deleteType(caller.orgId(), typeId);
        });
        log.info("Asset type deleted org={} user={} type={}", caller.orgId(), caller.userName(), typeId);
    }

    /** Deletes a custom field and every value of it. */
    public void deleteField(long typeId, long fieldId, SmaPrincipal caller) {
        transaction.executeWithoutResult(status -> {
            requireType(typeId, caller.orgId());
            if (types.deleteField(caller.orgId(), typeId, fieldId) == 0) {
                throw ApiError.NOT_FOUND.exception("Field " + fieldId + " of asset type " + typeId + " not found");
            }
        });
        log.info("Asset field deleted org={} user={} type={} field={}", caller.orgId(), caller.userName(), typeId,
                fieldId);
    }

    private TypeRow requireType(long typeId, long orgId) {
        return types.findType(orgId, typeId)
                .orElseThrow(() -> ApiError.NOT_FOUND.exception("Asset type " + typeId + " not found"));
    }

    private String typeName(JsonNode object, long orgId, Long typeId) {
        String name = JsonValues.text(object.get("name"), "name", 255);
        if (name == null || name.isBlank()) {
            throw JsonValues.invalid("name of the asset type is required and must not be empty");
        }
        types.findTypeByName(orgId, name).filter(other -> !Long.valueOf(other.id()).equals(typeId))
                .ifPresent(other -> {
                    throw ApiError.ASSET_CONFLICT.exception("An asset type named '" + name + "' exists: " + other.id());
                });
        return name.strip();
    }

    /** Adds and changes the fields the body lists; returns whether anything changed. */
    private boolean addFields(JsonNode fields, long typeId, long orgId, LocalDateTime now) {
        if (fields == null || fields.isNull()) {
            return false;
        }
        if (!fields.isArray()) {
            throw JsonValues.invalid("fields must be an array of field objects");
        }
        List<CustomField> existing = types.fields(orgId);
        boolean changed = false;
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            String where = "fields[" + i + "]";
            if (!field.isObject()) {
                throw JsonValues.invalid(where + " must be an object");
            }
            requireKeys(field, FIELD_KEYS, where);
            String name = JsonValues.text(field.get("name"), where + ".name", 255);
            if (name == null || name.isBlank()) {
                throw JsonValues.invalid(where + ".name is required and must not be empty");
            }
            if (field.has("id")) {
                long fieldId = JsonValues.id(field.get("id"), where + ".id");
                CustomField current = existing.stream().filter(f -> f.id() == fieldId && f.typeId() == typeId)
                        .findFirst().orElseThrow(() -> JsonValues.invalid(where + ".id " + fieldId
                                + " is not a field of asset type " + typeId));
                if (field.has("type") && kind(field, where) != current.kind()) {
                    throw JsonValues.invalid(where + ".type cannot change; delete the field and add a new one");
                }
                List<String> choices = field.has("choices") ? choices(field, current.kind(), where) : current.choices();
                if (!name.strip().equals(current.name()) || !choices.equals(current.choices())) {
                    types.updateField(orgId, fieldId, name.strip(), choices);
                    changed = true;
                }
                continue;
            }
            FieldKind kind = kind(field, where);
            Long refType = JsonValues.id(field.get("ref_asset_type_id"), where + ".ref_asset_type_id");
            if (refType != null && (kind != FieldKind.ASSET || types.findType(orgId, refType).isEmpty())) {
                throw JsonValues.invalid(where + ".ref_asset_type_id must name an asset type, on a field of type asset");
            }
            types.insertField(orgId, typeId, name.strip(), kind, choices(field, kind, where), refType, now);
            changed = true;
        }
        return changed;
    }

    private static FieldKind kind(JsonNode field, String where) {
        String text = JsonValues.text(field.get("type"), where + ".type", 32);
        if (text == null) {
            throw JsonValues.invalid(where + ".type is required; accepted: " + FieldKind.ACCEPTED);
        }
        return FieldKind.fromKey(text).orElseThrow(() -> JsonValues.invalid(where + ".type '" + text
                + "' is unknown; accepted: " + FieldKind.ACCEPTED));
    }

    private static List<String> choices(JsonNode field, FieldKind kind, String where) {
        JsonNode choices = field.get("choices");
        if (kind != FieldKind.CHOICE) {
            if (choices != null && !choices.isNull()) {
                throw JsonValues.invalid(where + ".choices applies to fields of type choice only");
            }
            return List.of();
        }
        // Reads show the choices as one text, one choice per line, so a type read back is accepted too.
        if (choices != null && choices.isString()) {
            List<String> lines = choices.asString().lines().map(String::strip).filter(line -> !line.isEmpty())
                    .toList();
            if (lines.isEmpty() || lines.stream().anyMatch(line -> line.length() > 255)) {
                throw JsonValues.invalid(where + ".choices must name at least one choice of at most 255 characters");
            }
            return lines;
        }
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw JsonValues.invalid(where + ".choices must be a non-empty array of texts, or a text with one choice"
                    + " per line, for a choice field");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode choice : choices) {
            String text = JsonValues.text(choice, where + ".choices", 255);
            if (text == null || text.isBlank() || text.contains("\n")) {
                throw JsonValues.invalid(where + ".choices must be non-empty texts on one line");
            }
            values.add(text.strip());
        }
        return values;
    }

    private static void requireKeys(JsonNode object, Set<String> accepted, String what) {
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            if (!accepted.contains(property.getKey())) {
                throw JsonValues.invalid("unknown key '" + property.getKey() + "' in " + what + "; accepted: "
                        + accepted.stream().sorted().toList());
            }
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
