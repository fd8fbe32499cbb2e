package org.opensma.query.model;

/**
 * Join from a foreign key of the source entity to one target row, such as a ticket's owner.
 *
 * @param foreignKeyColumn column of the source table that refers to the target entity's id
 */
public record ManyToOne(String foreignKeyColumn) implements Join {

    public ManyToOne {
        Names.requireText(foreignKeyColumn, "foreign key column");
    }
}
