/**
 * In-memory evaluation of a {@link org.opensma.query.resolve.ResolvedQuery} with the same
 * semantics the SQL must have: the reference for property tests and for smart labels evaluated on
 * one machine. The semantics are written down in the module's README.
 */
package org.opensma.query.memory;
