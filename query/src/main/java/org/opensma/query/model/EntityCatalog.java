package org.opensma.query.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Immutable set of entity declarations whose relations all point inside the set. */
public final class EntityCatalog {

    private final Map<String, EntityDefinition> byName;

    public EntityCatalog(List<EntityDefinition> entities) {
        Map<String, EntityDefinition> map = new LinkedHashMap<>();
        for (EntityDefinition entity : entities) {
            if (map.putIfAbsent(key(entity.name()), entity) != null) {
                throw new IllegalArgumentException("Entity '" + entity.name() + "' is declared twice");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
        requireRelationTargets();
    }

    /** Returns the entity named {@code name} in any case, or throws NoSuchElementException. */
    public EntityDefinition get(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("Entity '" + name
                + "' is not in the catalog. Declared entities: " + String.join(", ", byName.keySet())));
    }

    /** Finds the entity named {@code name} in any case. */
    public Optional<EntityDefinition> find(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    /** Returns all entities in declaration order. */
    public List<EntityDefinition> entities() {
        return List.copyOf(byName.values());
    }

    private void requireRelationTargets() {
        for (EntityDefinition entity : byName.values()) {
            for (RelationDefinition relation : entity.relations()) {
                if (!byName.containsKey(key(relation.targetEntity()))) {
                    throw new IllegalArgumentException("Relation '" + entity.name() + "." + relation.name()
                            + "' targets entity '" + relation.targetEntity() + "', which the catalog does not declare");
                }
            }
        }
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
