package org.opensma.account.service;

import java.util.Locale;
import org.opensma.platform.web.ApiError;
import org.springframework.stereotype.Component;

/**
 * The rules a new password must meet. Each violation raises a 400 that names the rule,
 * and never repeats the password.
 */
@Component
public class PasswordPolicy {

    /** Maximum password length in UTF-8 bytes, because bcrypt reads only the first 72 bytes. */
    static final int MAX_LENGTH = 72;

    private final PasswordPolicyProperties properties;

    public PasswordPolicy(PasswordPolicyProperties properties) {
        this.properties = properties;
    }

    /** Raises INVALID_BODY naming the first rule the password breaks. */
    public void check(String userName, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < properties.minLength()) {
            throw violation("it has " + length + " characters; the minimum is " + properties.minLength());
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw violation("it is longer than " + MAX_LENGTH + " bytes in UTF-8");
        }
        if (password.isBlank() || !password.strip().equals(password)) {
            throw violation("it must not begin or end with white space");
        }
        String lowerPassword = password.toLowerCase(Locale.ROOT);
        String lowerName = userName.toLowerCase(Locale.ROOT);
        if (!lowerName.isEmpty() && lowerPassword.contains(lowerName)) {
            throw violation("it must not contain the user name");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw violation("it repeats a single character");
        }
        int classes = characterClasses(password);
        if (classes < properties.minCharacterClasses()) {
            throw violation("it mixes " + classes + " of lower-case letters, upper-case letters, digits and"
                    + " other characters; at least " + properties.minCharacterClasses() + " are required");
        }
    }

    private static int characterClasses(String password) {
        boolean lower = password.codePoints().anyMatch(Character::isLowerCase);
        boolean upper = password.codePoints().anyMatch(Character::isUpperCase);
        boolean digit = password.codePoints().anyMatch(Character::isDigit);
        boolean other = password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c));
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static RuntimeException violation(String rule) {
        return ApiError.INVALID_BODY.exception("password rejected: " + rule);
    }
}
