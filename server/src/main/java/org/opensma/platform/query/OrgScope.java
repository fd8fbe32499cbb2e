package org.opensma.platform.query;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;

import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** How a table's rows belong to an organization. */
public sealed interface OrgScope {

    /** The condition that keeps only the organization's rows of {@code table}. */
    Condition condition(Table<?> table, String idColumn, long orgId);

    /** The table has the organization's id in a column of its own. */
    record Column(String column) implements OrgScope {

        @Override
        public Condition condition(Table<?> table, String idColumn, long orgId) {
            return SqlConditions.column(table, column, SQLDataType.BIGINT).eq(orgId);
        }
    }

    /**
     * The table has the organization's id in a column of its own, and rows whose column is
     * NULL are shared by every organization, as built-in asset types are.
     */
    record ColumnOrShared(String column) implements OrgScope {

        @Override
        public Condition condition(Table<?> table, String idColumn, long orgId) {
            var owner = SqlConditions.column(table, column, SQLDataType.BIGINT);
            return owner.eq(orgId).or(owner.isNull());
        }
    }

    /**
     * Rows belong to organizations through a link table, as users do through their
     * memberships.
     */
    record Membership(String linkTable, String memberColumn, String orgColumn) implements OrgScope {

        @Override
        public Condition condition(Table<?> table, String idColumn, long orgId) {
            Table<?> link = table(name(linkTable)).as("m_" + table.getName());
            return exists(selectOne().from(link).where(
                    SqlConditions.column(link, memberColumn, SQLDataType.BIGINT)
                            .eq(SqlConditions.column(table, idColumn, SQLDataType.BIGINT)),
                    SqlConditions.column(link, orgColumn, SQLDataType.BIGINT).eq(orgId)));
        }
    }
}
