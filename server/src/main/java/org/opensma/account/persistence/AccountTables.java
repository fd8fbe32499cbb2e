package org.opensma.account.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Tables and columns of organizations, users, memberships, agent tokens and server secrets. */
public final class AccountTables {

    public static final Table<Record> ORGANIZATION = table(name("organization"));
    public static final Field<Long> ORGANIZATION_ID = field(name("organization", "id"), SQLDataType.BIGINT);
    public static final Field<String> ORGANIZATION_NAME = field(name("organization", "name"), SQLDataType.VARCHAR);
    public static final Field<String> ORGANIZATION_TIME_ZONE =
            field(name("organization", "time_zone"), SQLDataType.VARCHAR);

    public static final Table<Record> APP_USER = table(name("app_user"));
    public static final Field<Long> APP_USER_ID = field(name("app_user", "id"), SQLDataType.BIGINT);
    public static final Field<String> APP_USER_USER_NAME = field(name("app_user", "user_name"), SQLDataType.VARCHAR);
    public static final Field<String> APP_USER_FULL_NAME = field(name("app_user", "full_name"), SQLDataType.VARCHAR);
    public static final Field<String> APP_USER_EMAIL = field(name("app_user", "email"), SQLDataType.VARCHAR);
    public static final Field<String> APP_USER_PASSWORD_HASH =
            field(name("app_user", "password_hash"), SQLDataType.VARCHAR);
    public static final Field<Long> APP_USER_DEFAULT_ORG_ID =
            field(name("app_user", "default_org_id"), SQLDataType.BIGINT);

    public static final Table<Record> ORG_MEMBERSHIP = table(name("org_membership"));
    public static final Field<Long> ORG_MEMBERSHIP_ORG_ID = field(name("org_membership", "org_id"), SQLDataType.BIGINT);
    public static final Field<Long> ORG_MEMBERSHIP_USER_ID =
            field(name("org_membership", "user_id"), SQLDataType.BIGINT);
    public static final Field<String> ORG_MEMBERSHIP_ROLE = field(name("org_membership", "role"), SQLDataType.VARCHAR);

    public static final Table<Record> AGENT_TOKEN = table(name("agent_token"));
    public static final Field<Long> AGENT_TOKEN_ORG_ID = field(name("agent_token", "org_id"), SQLDataType.BIGINT);
    public static final Field<String> AGENT_TOKEN_TOKEN_HASH =
            field(name("agent_token", "token_hash"), SQLDataType.VARCHAR);

    public static final Table<Record> SERVER_SECRET = table(name("server_secret"));
    public static final Field<String> SERVER_SECRET_NAME = field(name("server_secret", "name"), SQLDataType.VARCHAR);
    public static final Field<String> SERVER_SECRET_VALUE =
            field(name("server_secret", "secret_value"), SQLDataType.VARCHAR);
    public static final Field<LocalDateTime> SERVER_SECRET_CREATED_AT =
            field(name("server_secret", "created_at"), SQLDataType.LOCALDATETIME);

    private AccountTables() {
    }
}
