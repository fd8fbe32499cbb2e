package org.opensma.platform.security;

/** An inventory agent, known only by the organization whose token it presented. */
public record AgentPrincipal(long orgId) {
}
