package org.opensma.account.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The KACE login body ({@code ApiCredentials}); unknown keys are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record LoginRequest(String userName, String password, String organizationName) {
}
