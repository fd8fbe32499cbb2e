package org.opensma.query.model;

/**
 * Join through a link table, such as machines and their installed software.
 *
 * @param linkTable         table that holds one row per linked pair
 * @param linkSourceColumn  link table column that refers to the source entity's id
 * @param linkTargetColumn  link table column that refers to the target entity's id
 */
public record ManyToMany(String linkTable, String linkSourceColumn, String linkTargetColumn) implements Join {

    public ManyToMany {
        Names.requireText(linkTable, "link table");
        Names.requireText(linkSourceColumn, "link source column");
        Names.requireText(linkTargetColumn, "link target column");
    }
}
