package org.opensma.admin;

/** Source of the new passwords of the admin command; never its arguments, so that passwords stay out of process lists. */
@FunctionalInterface
public interface PasswordSource {

    /** Returns the new password for the user; raises IllegalStateException when none can be read. */
    String read(String userName);
}
