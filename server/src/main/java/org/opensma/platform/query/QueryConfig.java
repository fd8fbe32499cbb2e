package org.opensma.platform.query;

import java.util.List;
import org.opensma.query.model.EntityCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Collects every feature's entity declarations into one catalog, checked at start-up. */
@Configuration(proxyBeanMethods = false)
class QueryConfig {

    @Bean
    EntityCatalog entityCatalog(List<EntityView> views) {
        return new EntityCatalog(views.stream().map(EntityView::definition).toList());
    }
}
