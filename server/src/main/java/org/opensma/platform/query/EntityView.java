package org.opensma.platform.query;

import java.util.Map;
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
 * @param ownRecordsTable the table or view read in place of the declared table by a role limited
 *     to its own records, with the same columns, or null to read the declared table. Tickets use
 *     it to blank the fields that each ticket's queue hides from standard users.
 * @param computed   the fields whose value is an expression, by their declared column name;
 *     every other field is a column of the entity's table
 */
public record EntityView(EntityDefinition definition, String itemName, ValueRenderer renderer, OrgScope orgScope,
        OwnerScope ownerScope, boolean singleObjects, String ownRecordsTable, Map<String, ComputedColumn> computed) {

    public EntityView {
        computed = Map.copyOf(computed);
    }

    /** Creates a view whose fields are all columns of the table that the caller's role reads. */
    public EntityView(EntityDefinition definition, String itemName, ValueRenderer renderer, OrgScope orgScope,
            OwnerScope ownerScope, boolean singleObjects, String ownRecordsTable) {
        this(definition, itemName, renderer, orgScope, ownerScope, singleObjects, ownRecordsTable, Map.of());
    }

    /** Creates a view that every role reads from the declared table. */
    public EntityView(EntityDefinition definition, String itemName, ValueRenderer renderer, OrgScope orgScope,
            OwnerScope ownerScope, boolean singleObjects) {
        this(definition, itemName, renderer, orgScope, ownerScope, singleObjects, null);
    }

    /** Creates a view with computed fields whose relations are all written as lists. */
    public EntityView(EntityDefinition definition, String itemName, ValueRenderer renderer, OrgScope orgScope,
            OwnerScope ownerScope, Map<String, ComputedColumn> computed) {
        this(definition, itemName, renderer, orgScope, ownerScope, false, null, computed);
    }

    /** Creates a view whose relations are all written as lists. */
    public EntityView(EntityDefinition definition, String itemName, ValueRenderer renderer, OrgScope orgScope,
            OwnerScope ownerScope) {
        this(definition, itemName, renderer, orgScope, ownerScope, false);
    }

    /** Creates the view of an entity whose table has an {@code org_id} column and no owner. */
    public EntityView(EntityDefinition definition, String itemName, ValueRenderer renderer) {
        this(definition, itemName, renderer, new OrgScope.Column("org_id"), null);
    }

    /** Returns the table or view that the caller's role reads for this entity. */
    public String tableFor(SmaPrincipal caller) {
        return ownRecordsTable != null && caller.role().ownRecordsOnly() ? ownRecordsTable : definition.table();
    }

    /** The rows of a table that a caller limited to their own records may see. */
    @FunctionalInterface
    public interface OwnerScope {

        Condition condition(Table<?> table, SmaPrincipal caller);
    }
}
