package io.kubelift.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * A command's fixed description: name, usage line, one-line summary and options. Subclasses only
 * implement {@code run}.
 */
abstract class AbstractCommand implements Command {
    private final String name;
    private final String usage;
    private final String summary;
    private final Option[] options;

    AbstractCommand(String name, String usage, String summary, Option... options) {
        this.name = name;
        this.usage = usage;
        this.summary = summary;
        this.options = options;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String usage() {
        return usage;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final Options options() {
        return Main.options(options);
    }
}
