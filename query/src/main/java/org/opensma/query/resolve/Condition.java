package org.opensma.query.resolve;

/** Resolved filter. The conditions of a query must all hold. */
public sealed interface Condition permits FieldCondition, AnyFieldCondition, RelatedCondition, ExistsCondition {
}
