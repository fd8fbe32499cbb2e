package org.opensma.query.model;

/** How the rows of a related entity are reached from the rows of the source entity. */
public sealed interface Join permits ManyToMany, OneToMany, ManyToOne {
}
