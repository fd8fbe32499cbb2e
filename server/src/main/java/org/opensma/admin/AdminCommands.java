package org.opensma.admin;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensma.account.UserAccount;
import org.opensma.account.service.Actor;
import org.opensma.account.service.OrganizationService;
import org.opensma.account.service.OrganizationService.CreatedOrganization;
import org.opensma.account.service.UserService;
import org.opensma.bench.GenerateCommand;
import org.opensma.bench.SqlTimingCommand;
import org.opensma.platform.web.ApiException;

/**
 * The commands of {@code admin}, run against the services of a Spring context. Each
 * prints one result line (and the new agent token where there is one) and returns the
 * exit code: 0 on success, 1 on any failure. Changes are audited as made by
 * {@code admin-command}.
 */
public class AdminCommands {

    static final String USAGE = """
            Usage: java -jar opensma-server.jar admin <command> [--spring.property=value ...]

            Commands:
              create-organization NAME
                  Creates an organization and prints its agent token once.
              create-user --org ORG --user NAME --role ROLE [--system-admin]
                  Creates a user in organization ORG, or adds an existing user to it.
                  ROLE is ADMIN, READ_ONLY_ADMIN, STANDARD or a custom role of ORG.
                  --system-admin also lets the user create, rename and delete organizations.
              reset-password USER
                  Sets a new password, clears the login lock and ends the user's sessions.
              reset-two-factor USER
                  Removes the user's authenticator; the next login enrols a new one.
            """ + GenerateCommand.USAGE + SqlTimingCommand.USAGE + """
              help
                  Prints this text.

            New passwords come from the environment variable OPENSMA_NEW_PASSWORD or, when it is
            not set, from the console; never from the command line. Options of the form
            --name.with.dots=value are Spring properties, for example
            --spring.datasource.url=jdbc:postgresql://host/opensma or --opensma.data-dir=DIR.
            Stop a server that uses an embedded H2 database first: H2 opens its file for one process.
            """;

    private final OrganizationService organizations;
    private final UserService users;

    public AdminCommands(OrganizationService organizations, UserService users) {
        this.organizations = organizations;
        this.users = users;
    }

    /** Runs the command in {@code arguments} (its name first) and returns the exit code. */
    public int execute(List<String> arguments, PasswordSource passwords, PrintStream out, PrintStream err) {
        if (arguments.isEmpty()) {
            err.println("Error: no command given.");
            err.print(USAGE);
            return 1;
        }
        String command = arguments.getFirst();
        List<String> rest = arguments.subList(1, arguments.size());
        try {
            return switch (command) {
                case "help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                case "create-organization" -> createOrganization(rest, out);
                case "create-user" -> createUser(rest, passwords, out);
                case "reset-password" -> resetPassword(rest, passwords, out);
                case "reset-two-factor" -> resetTwoFactor(rest, out);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("Error: " + e.getMessage() + ". Run 'admin help' for the commands.");
            return 1;
        } catch (ApiException | IllegalStateException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    /** Returns whether {@code command} names a command, so that a typo fails before the database opens. */
    static boolean isCommand(String command) {
        return List.of("help", "create-organization", "create-user", "reset-password", "reset-two-factor",
                "generate", "sql-timing")
                .contains(command);
    }

    private int createOrganization(List<String> arguments, PrintStream out) {
        String name = single(arguments, "create-organization NAME");
        CreatedOrganization created = organizations.create(Actor.adminCommand(), name);
        out.println("Created organization '" + created.organization().name() + "' with id "
                + created.organization().id() + ".");
        out.println("Agent token (shown only this once; agents send it as the HTTP Basic password): "
                + created.agentToken());
        return 0;
    }

    private int createUser(List<String> arguments, PasswordSource passwords, PrintStream out) {
        Map<String, String> options = options(arguments);
        String org = required(options, "org");
        String userName = required(options, "user");
        String role = required(options, "role");
        boolean systemAdmin = options.containsKey("system-admin");
        boolean exists = users.exists(userName);
        String password = exists ? null : passwords.read(userName);
        long id = users.createFromAdminCommand(org, userName, role, systemAdmin, password);
        out.println((exists ? "Added existing user '" : "Created user '") + userName + "' (id " + id
                + ") to organization '" + org + "' with role " + role.strip().toUpperCase(java.util.Locale.ROOT)
                + (systemAdmin ? ", as system administrator." : "."));
        return 0;
    }

    private int resetPassword(List<String> arguments, PasswordSource passwords, PrintStream out) {
        String userName = single(arguments, "reset-password USER");
        if (!users.exists(userName)) {
            throw new IllegalStateException("User '" + userName + "' not found");
        }
        UserAccount user = users.resetPasswordFromAdminCommand(userName, passwords.read(userName));
        out.println("Password of user '" + user.userName() + "' changed; the login lock is cleared and their"
                + " sessions ended.");
        return 0;
    }

    private int resetTwoFactor(List<String> arguments, PrintStream out) {
        String userName = single(arguments, "reset-two-factor USER");
        UserAccount user = users.resetTwoFactorFromAdminCommand(userName);
        out.println("Two-factor authentication of user '" + user.userName() + "' removed; their sessions ended"
                + " and the next login enrols a new authenticator.");
        return 0;
    }

    private static String single(List<String> arguments, String form) {
        if (arguments.size() != 1 || arguments.getFirst().startsWith("--")) {
            throw new UsageException("expected " + form);
        }
        return arguments.getFirst();
    }

    /** Parses {@code --name value}, {@code --name=value} and the flag {@code --system-admin}. */
    private static Map<String, String> options(List<String> arguments) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> remaining = new ArrayList<>(arguments);
        while (!remaining.isEmpty()) {
            String argument = remaining.removeFirst();
            if (!argument.startsWith("--")) {
                throw new UsageException("unexpected argument '" + argument + "'");
            }
            String name = argument.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (name.equals("system-admin")) {
                value = "true";
            } else if (remaining.isEmpty()) {
                throw new UsageException("option --" + name + " needs a value");
            } else {
                value = remaining.removeFirst();
            }
            if (!List.of("org", "user", "role", "system-admin").contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            options.put(name, value);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("option --" + name + " is required");
        }
        return value;
    }

    /** A command line that does not match the command's form. */
    private static final class UsageException extends RuntimeException {

        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
