/**
 * Checks a parsed {@link org.opensma.query.syntax.Query} against the declarations of its base
 * entity and produces a {@link org.opensma.query.resolve.ResolvedQuery} with typed values, which
 * the SQL renderer and the in-memory matcher both consume.
 */
package org.opensma.query.resolve;
