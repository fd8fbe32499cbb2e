/**
 * The administration command {@code java -jar opensma-server.jar admin <command>}, which
 * works on the database directly for administrators who cannot log in.
 */
package org.opensma.admin;
