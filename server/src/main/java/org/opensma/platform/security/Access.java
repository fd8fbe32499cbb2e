package org.opensma.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.opensma.account.AccessLevel;
import org.opensma.account.Module;

/**
 * Declares which module a route belongs to. {@link AccessInterceptor} lets a request
 * through only when the caller's role grants at least the level: READ for GET and HEAD,
 * WRITE for every other method unless {@link #level()} says otherwise. Every route of
 * the API carries this, {@link SelfService} or {@link PublicRoute}; a route with none is
 * rejected, so a forgotten declaration fails closed.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Access {

    Module value();

    /** The level required; by default derived from the HTTP method. */
    Level level() default Level.BY_METHOD;

    /** The required level of a route. */
    enum Level {
        BY_METHOD,
        READ,
        WRITE;

        AccessLevel required(String httpMethod) {
            return switch (this) {
                case READ -> AccessLevel.READ;
                case WRITE -> AccessLevel.WRITE;
                case BY_METHOD -> "GET".equals(httpMethod) || "HEAD".equals(httpMethod)
                        ? AccessLevel.READ
                        : AccessLevel.WRITE;
            };
        }
    }
}
