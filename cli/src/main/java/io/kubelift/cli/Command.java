package io.kubelift.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * One subcommand: its options, its usage line, and how it maps onto one call of the core facade.
 */
interface Command {
    String name();

    /** Arguments after the subcommand, e.g. {@code APP -o plan.yaml}. */
    String usage();

    String summary();

    Options options();

    int run(CommandLine line, Console console);
}
