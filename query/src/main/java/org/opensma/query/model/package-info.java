/**
 * Entity declarations: the fields, types, shaping levels and relations that the query language
 * may address. The server declares one {@link org.opensma.query.model.EntityDefinition} per
 * exposed entity and collects them in an {@link org.opensma.query.model.EntityCatalog}.
 */
package org.opensma.query.model;
