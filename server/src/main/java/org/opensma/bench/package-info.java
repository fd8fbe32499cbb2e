/**
 * The benchmark's data generator, run as {@code java -jar opensma-server.jar admin generate}:
 * fills an organization with synthetic machines, software, processes and services at the
 * database's bulk-load speed.
 */
package org.opensma.bench;
