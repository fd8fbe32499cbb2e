/**
 * Two-factor authentication with time-based one-time passwords (RFC 6238): enrolment,
 * recovery codes, the organization's requirement, and the code check that completes a login.
 */
package org.opensma.account.twofactor;
