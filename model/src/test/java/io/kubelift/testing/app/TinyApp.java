package io.kubelift.testing.app;

import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.FileSet;
import io.kubelift.model.Health;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanSpec;
import io.kubelift.model.Port;
import io.kubelift.model.RuntimeRequirements;
import io.kubelift.model.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/**
 * A tiny legacy-style app made at test time: {@code lib/hello.jar} (an HTTP server on 8080
 * answering {@code /healthz} and {@code /} with the GREETING env var and the user name), {@code
 * lib/dep.jar} (a "third-party" jar), {@code etc/app.properties}; its plan and the generator output
 * the image builder needs.
 */
public final class TinyApp {
    public static final String MAIN = "demo.Hello";

    private TinyApp() {}

    /**
     * Writes the app into {@code dir}; {@code variant} changes the main class's bytes (a one-class
     * change).
     */
    public static Path write(Path dir, String variant) throws IOException {
        Path src = dir.resolveSibling(dir.getFileName() + "-src");
        Files.createDirectories(src.resolve("demo"));
        Files.writeString(
                src.resolve("demo/Hello.java"),
                """
                package demo;
                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;
                import java.nio.charset.StandardCharsets;
                public class Hello {
                    public static void main(String[] a) throws Exception {
                        HttpServer s = HttpServer.create(new InetSocketAddress(8080), 0);
                        s.createContext("/", x -> {
                            byte[] b = ("hello %s GREETING=" + System.getenv("GREETING") + " user=" + System.getProperty("user.name")
                                    + " home=" + System.getProperty("user.home")).getBytes(StandardCharsets.UTF_8);
                            x.sendResponseHeaders(200, b.length);
                            x.getResponseBody().write(b);
                            x.close();
                        });
                        s.start();
                        System.out.println("listening on 8080");
                    }
                }
                """
                        .formatted(variant),
                StandardCharsets.UTF_8);
        Path classes = src.resolve("classes");
        Files.createDirectories(classes);
        int rc =
                ToolProvider.getSystemJavaCompiler()
                        .run(
                                null,
                                null,
                                null,
                                "-d",
                                classes.toString(),
                                "--release",
                                "17",
                                src.resolve("demo/Hello.java").toString());
        if (rc != 0) {
            throw new IllegalStateException("javac failed");
        }
        Files.createDirectories(dir.resolve("lib"));
        Files.createDirectories(dir.resolve("etc"));
        jar(
                dir.resolve("lib/hello.jar"),
                "demo/Hello.class",
                Files.readAllBytes(classes.resolve("demo/Hello.class")));
        jar(
                dir.resolve("lib/dep.jar"),
                "dep/README.txt",
                "a third-party jar\n".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("etc/app.properties"), "port=8080\n");
        Files.writeString(
                dir.resolve("bin-start.sh"), "#!/bin/sh\nexec java -cp 'lib/*' demo.Hello\n");
        return dir;
    }

    private static void jar(Path jar, String entry, byte[] bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out)) {
            JarEntry e = new JarEntry(entry);
            e.setTime(0);
            j.putNextEntry(e);
            j.write(bytes);
            j.closeEntry();
        }
    }

    public static MigrationPlan plan(boolean shell) {
        Component c =
                Component.builder("hello")
                        .entrypoint(
                                Entrypoint.mainClass(
                                        "bin-start.sh",
                                        MAIN,
                                        List.of("lib/*"),
                                        List.of(),
                                        List.of(),
                                        null))
                        .runtime(new RuntimeRequirements("17", shell, null, null))
                        .ports(List.of(new Port("http", 8080, "TCP", "http", null, null)))
                        .health(new Health("http", "/healthz", "http", null))
                        .build();
        return MigrationPlan.of("tiny", new PlanSpec(new Source("tiny", List.of()), List.of(c)));
    }

    public static FileSet generated() {
        return new FileSet()
                .add(
                        "scripts/hello/entrypoint.sh",
                        "#!/bin/sh\nexec \"$JAVA_HOME/bin/java\" -cp '/opt/app/lib/*' "
                                + MAIN
                                + "\n",
                        FileSet.Mode.EXECUTABLE)
                .add(
                        "scripts/hello/command.json",
                        "[\"/opt/java/bin/java\", \"-cp\", \"/opt/app/lib/*\", \""
                                + MAIN
                                + "\"]\n");
    }
}
