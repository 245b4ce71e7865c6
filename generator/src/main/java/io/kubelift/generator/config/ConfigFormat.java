package io.kubelift.generator.config;

import java.util.List;

/**
 * One config file format the generator can edit in place, keeping the file's structure, comments
 * and order.
 */
public interface ConfigFormat {
    /** The plan's name for the format ({@code ConfigFile.format}). */
    String name();

    /**
     * How a file of this format refers to environment variable {@code env} so that the value is
     * resolved at run time.
     */
    String envPlaceholder(String env);

    /**
     * Whether the app itself resolves {@link #envPlaceholder} (then the start script need not
     * render the file).
     */
    boolean appResolvesPlaceholders();

    /** Applies the edits in order and returns the new text. */
    String apply(String text, List<ConfigEdit> edits);
}
