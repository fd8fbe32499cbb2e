package org.opensma.query.model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Entity that the query language can filter, sort and shape.
 *
 * @param name          name used in queries, such as {@code machine} in {@code machine.name eq x}
 * @param collectionKey JSON key of the list in responses, such as {@code Machines}
 * @param table         SQL table name
 * @param idColumn      primary key column, also the last sort key so that pages are stable
 * @param fields        fields in output order
 * @param relations     relations to other entities of the same catalog
 */
public record EntityDefinition(String name, String collectionKey, String table, String idColumn,
        List<FieldDefinition> fields, List<RelationDefinition> relations) {

    public EntityDefinition {
        Names.requireIdentifier(name, "entity name");
        Names.requireText(collectionKey, "collection key of entity " + name);
        Names.requireText(table, "table of entity " + name);
        Names.requireText(idColumn, "id column of entity " + name);
        fields = List.copyOf(fields);
        relations = List.copyOf(relations);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("Entity '" + name + "' must declare at least one field");
        }
        requireUniqueFieldNames(name, fields);
        requireUniqueRelationNames(name, relations);
    }

    /**
     * Finds a field by name in any case. A space and an underscore are the same, so
     * {@code ram_total} finds the field whose JSON key is {@code Ram Total}.
     */
    public Optional<FieldDefinition> field(String fieldName) {
        String key = Names.lookupKey(fieldName);
        Optional<FieldDefinition> exact = fields.stream().filter(field -> field.lookupKey().equals(key)).findFirst();
        return exact.isPresent() ? exact : fields.stream().filter(field -> field.answersTo(key)).findFirst();
    }

    /** Finds a relation by name in any case. */
    public Optional<RelationDefinition> relation(String relationName) {
        String key = relationName.trim().toLowerCase(Locale.ROOT);
        return relations.stream()
                .filter(relation -> relation.name().toLowerCase(Locale.ROOT).equals(key))
                .findFirst();
    }

    /** Returns the fields that output at {@code level} contains, in declaration order. */
    public List<FieldDefinition> fieldsAt(ShapingLevel level) {
        return fields.stream().filter(field -> level.includes(field.level())).toList();
    }

    /**
     * Returns this entity with {@code extra} fields after its own, such as the custom fields an
     * organization defined. The result resolves queries wherever this declaration does.
     */
    public EntityDefinition withFields(List<FieldDefinition> extra) {
        List<FieldDefinition> all = new java.util.ArrayList<>(fields);
        all.addAll(extra);
        return new EntityDefinition(name, collectionKey, table, idColumn, all, relations);
    }

    /**
     * Returns whether {@code other} is this declaration or one made from it by
     * {@link #withFields}: the same entity with the same relations and at least its fields.
     */
    public boolean isExtendedBy(EntityDefinition other) {
        return name.equals(other.name) && collectionKey.equals(other.collectionKey) && table.equals(other.table)
                && idColumn.equals(other.idColumn) && relations.equals(other.relations)
                && other.fields.size() >= fields.size() && other.fields.subList(0, fields.size()).equals(fields);
    }

    /** Returns whether {@code entityName} is this entity's name in any case. */
    public boolean isNamed(String entityName) {
        return name.equalsIgnoreCase(entityName.trim());
    }

    private static void requireUniqueFieldNames(String entity, List<FieldDefinition> fields) {
        Map<String, String> seen = new HashMap<>();
        for (FieldDefinition field : fields) {
            List<String> keys = new java.util.ArrayList<>(List.of(field.lookupKey()));
            field.aliases().forEach(alias -> keys.add(Names.lookupKey(alias)));
            for (String key : keys) {
                String previous = seen.putIfAbsent(key, field.name());
                if (previous != null) {
                    throw new IllegalArgumentException("Entity '" + entity + "' declares fields '" + previous
                            + "' and '" + field.name() + "', which a query cannot tell apart");
                }
            }
        }
    }

    private static void requireUniqueRelationNames(String entity, List<RelationDefinition> relations) {
        Map<String, String> seen = new HashMap<>();
        for (RelationDefinition relation : relations) {
            String previous = seen.putIfAbsent(relation.name().toLowerCase(Locale.ROOT), relation.name());
            if (previous != null) {
                throw new IllegalArgumentException("Entity '" + entity + "' declares relation '"
                        + relation.name() + "' twice");
            }
            if (relation.name().equalsIgnoreCase(entity)) {
                throw new IllegalArgumentException("Entity '" + entity
                        + "' has a relation with its own name, so a prefix in a query would be ambiguous");
            }
        }
    }
}
