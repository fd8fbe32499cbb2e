package org.opensma.account.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code opensma.password.*} for the passwords that the users API and
 * the admin command set.
 *
 * @param minLength the minimum number of characters (code points), at least 8
 * @param minCharacterClasses how many of lower-case letters, upper-case letters, digits and
 *     other characters a password must mix, from 1 to 4
 */
@ConfigurationProperties("opensma.password")
public record PasswordPolicyProperties(@DefaultValue("12") int minLength, @DefaultValue("2") int minCharacterClasses) {

    public PasswordPolicyProperties {
        if (minLength < 8) {
            throw new IllegalArgumentException("opensma.password.min-length is " + minLength + "; use 8 or more");
        }
        if (minCharacterClasses < 1 || minCharacterClasses > 4) {
            throw new IllegalArgumentException("opensma.password.min-character-classes is " + minCharacterClasses
                    + "; use a number from 1 to 4");
        }
    }
}
