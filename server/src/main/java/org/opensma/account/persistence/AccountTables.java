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

    public static final Field<Short> APP_USER_SYSTEM_ADMIN =
            field(name("app_user", "system_admin"), SQLDataType.SMALLINT);
    public static final Field<String> APP_USER_TOTP_SECRET = field(name("app_user", "totp_secret"), SQLDataType.VARCHAR);
    public static final Field<Short> APP_USER_TOTP_ENABLED =
            field(name("app_user", "totp_enabled"), SQLDataType.SMALLINT);
    public static final Field<Long> APP_USER_TOTP_LAST_STEP =
            field(name("app_user", "totp_last_step"), SQLDataType.BIGINT);
    public static final Field<Integer> APP_USER_FAILED_LOGINS =
            field(name("app_user", "failed_logins"), SQLDataType.INTEGER);
    public static final Field<LocalDateTime> APP_USER_LOCKED_UNTIL =
            field(name("app_user", "locked_until"), SQLDataType.LOCALDATETIME);
    public static final Field<LocalDateTime> APP_USER_PASSWORD_CHANGED_AT =
            field(name("app_user", "password_changed_at"), SQLDataType.LOCALDATETIME);
    public static final Field<LocalDateTime> APP_USER_UPDATED_AT =
            field(name("app_user", "updated_at"), SQLDataType.LOCALDATETIME);

    public static final Table<Record> ORG_MEMBERSHIP = table(name("org_membership"));
    public static final Field<Long> ORG_MEMBERSHIP_ORG_ID = field(name("org_membership", "org_id"), SQLDataType.BIGINT);
    public static final Field<Long> ORG_MEMBERSHIP_USER_ID =
            field(name("org_membership", "user_id"), SQLDataType.BIGINT);
    public static final Field<String> ORG_MEMBERSHIP_ROLE = field(name("org_membership", "role"), SQLDataType.VARCHAR);
    public static final Field<Long> ORG_MEMBERSHIP_CUSTOM_ROLE_ID =
            field(name("org_membership", "custom_role_id"), SQLDataType.BIGINT);

    public static final Table<Record> CUSTOM_ROLE = table(name("custom_role"));
    public static final Field<Long> CUSTOM_ROLE_ID = field(name("custom_role", "id"), SQLDataType.BIGINT);
    public static final Field<Long> CUSTOM_ROLE_ORG_ID = field(name("custom_role", "org_id"), SQLDataType.BIGINT);
    public static final Field<String> CUSTOM_ROLE_NAME = field(name("custom_role", "name"), SQLDataType.VARCHAR);

    public static final Field<Short> ORGANIZATION_REQUIRE_TWO_FACTOR =
            field(name("organization", "require_two_factor"), SQLDataType.SMALLINT);

    public static final Table<Record> SESSION_TOKEN = table(name("session_token"));
    public static final Field<String> SESSION_TOKEN_TOKEN_ID =
            field(name("session_token", "token_id"), SQLDataType.VARCHAR);
    /** CHAR(36) with its length: a bare CHAR makes jOOQ bind {@code cast(? as char)}, which is CHAR(1). */
    public static final Field<String> SESSION_TOKEN_SESSION_ID =
            field(name("session_token", "session_id"), SQLDataType.CHAR(36));
    public static final Field<Long> SESSION_TOKEN_USER_ID = field(name("session_token", "user_id"), SQLDataType.BIGINT);
    public static final Field<LocalDateTime> SESSION_TOKEN_CREATED_AT =
            field(name("session_token", "created_at"), SQLDataType.LOCALDATETIME);
    public static final Field<LocalDateTime> SESSION_TOKEN_EXPIRES_AT =
            field(name("session_token", "expires_at"), SQLDataType.LOCALDATETIME);

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
