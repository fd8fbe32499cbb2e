package org.opensma.query.model;

import java.util.Objects;

/**
 * Relation from one entity to another, addressable in filtering, sorting and shaping.
 *
 * @param name         name used in queries, such as {@code software} in {@code software.name eq Word}
 * @param targetEntity name of the related entity in the catalog
 * @param outputKey    JSON key of the nested data in responses, such as {@code Software}
 * @param join         how related rows are reached
 */
public record RelationDefinition(String name, String targetEntity, String outputKey, Join join) {

    public RelationDefinition {
        Names.requireIdentifier(name, "relation name");
        Names.requireText(targetEntity, "target entity of relation " + name);
        Names.requireText(outputKey, "output key of relation " + name);
        Objects.requireNonNull(join, "join of relation " + name);
    }
}
