package io.kubelift.generator.script;

import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.ImageLayout;
import io.kubelift.model.KubeliftException;
import java.util.ArrayList;
import java.util.List;

/**
 * The process command line of a component inside the image, resolved against {@link
 * ImageLayout#APP_HOME}. For a JVM: container-aware heap ({@value #DEFAULT_MAX_RAM} unless the plan
 * pins the heap or sets a RAM percentage itself), the plan's JVM options (legacy {@code
 * -Xmx}/{@code -Xms} dropped unless pinned), the classpath, then the main class or {@code -jar},
 * then the arguments.
 */
public final class JvmCommand {
    public static final String DEFAULT_MAX_RAM = "-XX:MaxRAMPercentage=75.0";

    private final Component component;

    public JvmCommand(Component component) {
        this.component = component;
        if (component.entrypoint() == null) {
            throw KubeliftException.badInput(
                    "plan",
                    "component " + component.name() + " has no entrypoint",
                    "add entrypoint.mainClass, entrypoint.jar or entrypoint.command to the plan");
        }
    }

    public boolean isJvm() {
        Entrypoint e = component.entrypoint();
        return notBlank(e.mainClass()) || notBlank(e.jar());
    }

    /** JVM options as the container runs them (heap policy applied). */
    public List<String> jvmOptions() {
        List<String> out = new ArrayList<>();
        List<String> plan = component.entrypoint().jvmOptions();
        boolean pinned = component.isHeapPinned();
        boolean ramSet =
                plan.stream()
                        .anyMatch(
                                o ->
                                        o.startsWith("-XX:MaxRAMPercentage")
                                                || o.startsWith("-XX:MaxRAMFraction"));
        if (!pinned && !ramSet) {
            out.add(DEFAULT_MAX_RAM);
        }
        for (String o : plan) {
            boolean heap =
                    o.startsWith("-Xmx")
                            || o.startsWith("-Xms")
                            || o.startsWith("-XX:MaxHeapSize=")
                            || o.startsWith("-XX:InitialHeapSize=");
            if (!heap || pinned) {
                out.add(o);
            }
        }
        return out;
    }

    /** {@code -cp a:b} items resolved in the image, or empty. */
    public String classpath() {
        return String.join(
                ":", component.entrypoint().classpath().stream().map(ImageLayout::inApp).toList());
    }

    /**
     * What follows the JVM options and classpath: {@code Main args…} or {@code -jar app.jar args…}.
     */
    public List<String> target() {
        Entrypoint e = component.entrypoint();
        List<String> out = new ArrayList<>();
        if (notBlank(e.mainClass())) {
            out.add(e.mainClass());
        } else {
            out.add("-jar");
            out.add(ImageLayout.inApp(e.jar()));
        }
        out.addAll(e.args());
        return out;
    }

    /** The full argv, for images without a shell ({@code command.json}). */
    public List<String> argv() {
        Entrypoint e = component.entrypoint();
        List<String> out = new ArrayList<>();
        if (!isJvm()) {
            List<String> cmd = e.command();
            String first = cmd.get(0);
            out.add(first.contains("/") ? ImageLayout.inApp(first) : first);
            out.addAll(cmd.subList(1, cmd.size()));
            out.addAll(e.args());
            return out;
        }
        out.add(ImageLayout.JAVA_HOME + "/bin/java");
        out.addAll(jvmOptions());
        if (!classpath().isEmpty()) {
            out.add("-cp");
            out.add(classpath());
        }
        out.addAll(target());
        return out;
    }

    /** The working directory in the image. */
    public String workingDir() {
        String w = component.entrypoint().workingDir();
        return w == null || w.isBlank() ? ImageLayout.APP_HOME : ImageLayout.inApp(w);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
