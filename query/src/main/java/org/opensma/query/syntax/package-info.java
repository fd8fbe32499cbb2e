/**
 * Syntax of the KACE query parameters ({@code filtering}, {@code sorting}, {@code paging},
 * {@code shaping}, {@code use_count}, {@code use_count_only}) and the syntax tree they parse into.
 * Whether the fields exist is checked later, by {@link org.opensma.query.resolve}.
 */
package org.opensma.query.syntax;
