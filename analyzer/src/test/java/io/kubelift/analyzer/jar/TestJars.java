package io.kubelift.analyzer.jar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

/**
 * Real class files and jars for tests: Java sources compiled with the JDK's compiler, packed with a
 * manifest.
 */
public final class TestJars {
    private TestJars() {}

    /**
     * Compiles {@code sources} (class name → source text) and returns class entry name → class file
     * bytes.
     */
    public static Map<String, byte[]> compile(Path work, Map<String, String> sources)
            throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Path out = Files.createDirectories(work.resolve("classes"));
        String[] args = new String[sources.size() + 2];
        args[0] = "-d";
        args[1] = out.toString();
        int i = 2;
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            args[i++] = f.toString();
        }
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args) != 0) {
            throw new IllegalStateException("test sources did not compile");
        }
        Map<String, byte[]> classes = new TreeMap<>();
        try (var s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                classes.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return classes;
    }

    /** Writes a jar with the classes and, when {@code mainClass} is given, a manifest naming it. */
    public static void jar(Path jar, String mainClass, Map<String, byte[]> classes)
            throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream o = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(o, m)) {
            for (var e : classes.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue());
                j.closeEntry();
            }
        }
    }
}
