package org.opensma.query.model;

/**
 * Join to child rows that carry a foreign key to the source entity, such as ticket changes.
 *
 * @param childForeignKeyColumn column of the child table that refers to the source entity's id
 */
public record OneToMany(String childForeignKeyColumn) implements Join {

    public OneToMany {
        Names.requireText(childForeignKeyColumn, "child foreign key column");
    }
}
