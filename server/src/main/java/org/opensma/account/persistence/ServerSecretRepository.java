package org.opensma.account.persistence;

import static org.opensma.account.persistence.AccountTables.SERVER_SECRET;
import static org.opensma.account.persistence.AccountTables.SERVER_SECRET_NAME;
import static org.opensma.account.persistence.AccountTables.SERVER_SECRET_VALUE;

import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Secrets shared by every server process on one database. */
@Repository
public class ServerSecretRepository {

    private final DSLContext dsl;

    public ServerSecretRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Returns the stored secret, creating it from the supplier first if absent. When two
     * processes start together, both read the value of whichever insert won.
     */
    public String getOrCreate(String name, Supplier<String> newValue) {
        dsl.insertInto(SERVER_SECRET, SERVER_SECRET_NAME, SERVER_SECRET_VALUE)
                .values(name, newValue.get())
                .onConflict(SERVER_SECRET_NAME).doNothing()
                .execute();
        return dsl.select(SERVER_SECRET_VALUE).from(SERVER_SECRET).where(SERVER_SECRET_NAME.eq(name))
                .fetchSingle(SERVER_SECRET_VALUE);
    }
}
