package org.opensma.platform.query;

import org.jooq.Condition;
import org.jooq.Table;
import org.opensma.account.SmaPrincipal;
import org.opensma.query.model.EntityDefinition;

/**
 * How one declared entity is shown and scoped: its declaration, the XML element name of
 * one item, how its values render, how its rows belong to an organization, and which
 * rows are a standard user's own.
 *
 * @param ownerScope the rows a role limited to its own records may see, or null when the
 *     entity has no owner and every reader of its module gets all of the organization's rows
 * @param singleObjects whether a many-to-one relation is written as one object, left out when
 *     there is no related row (tickets: {@code "owner":{...}}), rather than as a list
 */
public record EntityView(EntityDefinition definition, String itemName, ValueRenderer renderer, OrgScope orgScope,
        OwnerScope ownerScope, boolean singleObjects) {

    /** Creates a view whose relations are all written as lists. */
    public EntityView(EntityDefinition definition, String itemName, ValueRenderer renderer, OrgScope orgScope,
            OwnerScope ownerScope) {
        this(definition, itemName, renderer, orgScope, ownerScope, false);
    }

    /** Creates the view of an entity whose table has an {@code org_id} column and no owner. */
    public EntityView(EntityDefinition definition, String itemName, ValueRenderer renderer) {
        this(definition, itemName, renderer, new OrgScope.Column("org_id"), null);
    }

    /** The rows of a table that a caller limited to their own records may see. */
    @FunctionalInterface
    public interface OwnerScope {

        Condition condition(Table<?> table, SmaPrincipal caller);
    }
}
