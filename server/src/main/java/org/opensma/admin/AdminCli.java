package org.opensma.admin;

import java.io.Console;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.opensma.bench.GenerateCommand;
import org.opensma.bench.SqlTimingCommand;
import org.opensma.bench.OrganizationGenerator;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point of {@code java -jar opensma-server.jar admin <command>}: starts Spring
 * without the web server, on the server's datasource settings and Flyway migrations, runs
 * one {@link AdminCommands command} and returns its exit code.
 */
public final class AdminCli {

    /** Environment variable that carries the new password, so the command can run unattended. */
    public static final String PASSWORD_VARIABLE = "OPENSMA_NEW_PASSWORD";

    private AdminCli() {
    }

    /** Runs the command with the real console and environment. */
    public static int run(String[] args) {
        return run(args, AdminCli::readPassword, System.out, System.err);
    }

    /**
     * Runs the command. Arguments of the form {@code --name.with.dots=value} go to Spring
     * as properties; the others are the command and its arguments.
     */
    public static int run(String[] args, PasswordSource passwords, PrintStream out, PrintStream err) {
        List<String> springArguments = new ArrayList<>();
        List<String> command = new ArrayList<>();
        for (String argument : args) {
            boolean property = argument.startsWith("--") && argument.indexOf('=') > 0
                    && argument.substring(0, argument.indexOf('=')).contains(".");
            (property ? springArguments : command).add(argument);
        }
        if (command.isEmpty() || command.getFirst().equals("help") || !AdminCommands.isCommand(command.getFirst())) {
            return new AdminCommands(null, null).execute(command, passwords, out, err);
        }

        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(AdminContext.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties(Map.of("logging.level.root", "WARN", "spring.main.register-shutdown-hook", "false"))
                    .run(springArguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("Error: cannot open the database: " + rootMessage(e));
            err.println("If the server runs on an embedded H2 database, stop it first; H2 opens its file for one"
                    + " process.");
            return 1;
        }
        try (context) {
            if (command.getFirst().equals("generate")) {
                return GenerateCommand.run(context.getBean(OrganizationGenerator.class),
                        command.subList(1, command.size()), out, err);
            }
            if (command.getFirst().equals("sql-timing")) {
                return SqlTimingCommand.run(context.getBean(DataSource.class), command.subList(1, command.size()), out,
                        err);
            }
            return context.getBean(AdminCommands.class).execute(command, passwords, out, err);
        }
    }

    private static String readPassword(String userName) {
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("No console to read the new password from; set " + PASSWORD_VARIABLE);
        }
        char[] first = console.readPassword("New password for %s: ", userName);
        char[] second = console.readPassword("Repeat the password: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new IllegalStateException("The two passwords differ; nothing was changed");
        }
        return new String(first);
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
