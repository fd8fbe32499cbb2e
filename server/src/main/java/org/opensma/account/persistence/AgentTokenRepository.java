package org.opensma.account.persistence;

import static org.opensma.account.persistence.AccountTables.AGENT_TOKEN;
import static org.opensma.account.persistence.AccountTables.AGENT_TOKEN_ORG_ID;
import static org.opensma.account.persistence.AccountTables.AGENT_TOKEN_TOKEN_HASH;

import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Stores the SHA-256 of each organization's agent tokens and finds an organization by one. */
@Repository
public class AgentTokenRepository {

    private final DSLContext dsl;

    public AgentTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean existsForOrg(long orgId) {
        return dsl.fetchExists(AGENT_TOKEN, AGENT_TOKEN_ORG_ID.eq(orgId));
    }

    public void create(long orgId, String tokenHash) {
        dsl.insertInto(AGENT_TOKEN, AGENT_TOKEN_ORG_ID, AGENT_TOKEN_TOKEN_HASH)
                .values(orgId, tokenHash)
                .onConflict(AGENT_TOKEN_TOKEN_HASH).doNothing()
                .execute();
    }

    public Optional<Long> findOrgIdByHash(String tokenHash) {
        return dsl.select(AGENT_TOKEN_ORG_ID)
                .from(AGENT_TOKEN)
                .where(AGENT_TOKEN_TOKEN_HASH.eq(tokenHash))
                .fetchOptional(AGENT_TOKEN_ORG_ID);
    }
}
