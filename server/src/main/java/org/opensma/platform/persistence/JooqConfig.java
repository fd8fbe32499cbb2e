package org.opensma.platform.persistence;

import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * jOOQ settings shared by every repository. Table and column names are written unquoted
 * in lower case, which both PostgreSQL and H2 (opened with DATABASE_TO_LOWER) fold the same way.
 */
@Configuration(proxyBeanMethods = false)
class JooqConfig {

    @Bean
    DefaultConfigurationCustomizer openSmaJooqSettings() {
        return configuration -> configuration.settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withRenderNameCase(RenderNameCase.LOWER)
                .withExecuteLogging(false);
    }
}
