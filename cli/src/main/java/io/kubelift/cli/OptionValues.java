package io.kubelift.cli;

import io.kubelift.model.KubeliftException;
import org.apache.commons.cli.CommandLine;

/** Option helpers that turn missing or malformed values into usage errors. */
final class OptionValues {
    private OptionValues() {}

    static String required(CommandLine line, String opt, Command c) {
        String v = line.getOptionValue(opt);
        if (v == null || v.isBlank()) {
            throw KubeliftException.usage(
                    "'" + c.name() + "' needs -" + opt, "run 'kubelift " + c.name() + " --help'");
        }
        return v;
    }
}
