package io.kubelift.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs a main class of the test classpath in a fresh JVM. */
public final class ChildJvm {
    private ChildJvm() {}

    /** {@code args} starting with {@code -D} are JVM options, the rest go to the main class. */
    public static List<String> command(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            (a.startsWith("-D") ? cmd : rest).add(a);
        }
        cmd.add(main.getName());
        cmd.addAll(rest);
        return cmd;
    }
}
