/**
 * Organizations, users, roles and the login that joins them; the KACE account service
 * lives under {@code /ams/shared/api}.
 */
package org.opensma.account;
