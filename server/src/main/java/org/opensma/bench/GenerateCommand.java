package org.opensma.bench;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;

/** Parses {@code admin generate --machines N [--org NAME] [--seed S]} and runs the generator. */
public final class GenerateCommand {

    public static final String USAGE = """
              generate --machines N [--org NAME] [--seed S]
                  Benchmark data: adds N synthetic machines with software, processes and services
                  to organization NAME (default: Default), loaded in bulk. For test databases only.
            """;

    private GenerateCommand() {
    }

    public static int run(OrganizationGenerator generator, List<String> arguments, PrintStream out, PrintStream err) {
        int machines = -1;
        String org = "Default";
        long seed = 1;
        try {
            for (int i = 0; i < arguments.size(); i++) {
                String name = arguments.get(i);
                String value = i + 1 < arguments.size() ? arguments.get(++i) : "";
                switch (name) {
                    case "--machines" -> machines = Integer.parseInt(value);
                    case "--org" -> org = value;
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option '" + name + "'");
                }
            }
            if (machines < 1) {
                throw new IllegalArgumentException("--machines N with N of at least 1 is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage() + ". Usage:");
            err.print(USAGE);
            return 1;
        }
        try {
            OrganizationGenerator.Summary summary = generator.generate(org, machines, seed);
            out.printf("Generated %d machines in organization %d: %d software, %d process and %d service links,"
                    + " %d assets and %d tickets in %.1f s%n", summary.machines(), summary.orgId(),
                    summary.softwareLinks(), summary.processLinks(), summary.serviceLinks(), summary.assets(),
                    summary.tickets(), summary.millis() / 1000.0);
            return 0;
        } catch (SQLException | IllegalStateException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }
}
