package org.opensma;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the OpenSMA server. */
// Users come from the database; Boot's in-memory user with a generated password must not exist.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class OpenSmaApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpenSmaApplication.class, args);
    }
}
