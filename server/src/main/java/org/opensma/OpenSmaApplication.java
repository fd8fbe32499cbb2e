package org.opensma;

import java.util.Arrays;
import org.opensma.admin.AdminCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the OpenSMA server, or runs the admin command when the first argument is {@code admin}. */
// Users come from the database; Boot's in-memory user with a generated password must not exist.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class OpenSmaApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(OpenSmaApplication.class, args);
    }
}
