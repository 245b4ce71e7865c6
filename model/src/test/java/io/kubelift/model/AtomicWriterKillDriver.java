package io.kubelift.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child process for {@link AtomicWriterKillTest} and {@link OutputDeterminismTest}: {@code loop
 * OUT} rewrites OUT with set A and set B in turn until it is killed; {@code once OUT SET} writes
 * one set and exits; {@code recover OUT} finishes or undoes a killed write, as the next run would.
 */
public final class AtomicWriterKillDriver {
    private AtomicWriterKillDriver() {}

    /**
     * A set of {@code files} files in three modes; sets differ in content and in which files they
     * hold.
     */
    public static FileSet set(String name, int files) {
        FileSet s = new FileSet();
        for (int i = 0; i < files; i++) {
            if (i % 10 == (name.equals("A") ? 3 : 7)) {
                continue; // each set lacks some files the other has, so a mix is visible
            }
            String path =
                    switch (i % 3) {
                        case 0 -> "k8s/base/obj-" + i + ".yaml";
                        case 1 -> "scripts/c" + (i % 7) + "/run-" + i + ".sh";
                        default -> "k8s/base/secrets/s-" + i + ".env";
                    };
            FileSet.Mode mode =
                    switch (i % 3) {
                        case 0 -> FileSet.Mode.REGULAR;
                        case 1 -> FileSet.Mode.EXECUTABLE;
                        default -> FileSet.Mode.PRIVATE;
                    };
            s.add(
                    path,
                    (name + " " + i + "\n").repeat(40 + i % 50).getBytes(StandardCharsets.UTF_8),
                    mode);
        }
        s.add("SET", name + "\n");
        return s;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[1]);
        int files = Integer.parseInt(System.getProperty("files", "300"));
        if (args[0].equals(
                "recover")) { // what the next run does first; used by tests in other modules
            AtomicWriter.recover(out);
            return;
        }
        if (args[0].equals(
                "try")) { // one write that may meet a concurrent one: prints ok or locked
            try {
                AtomicWriter.write(out, set(args[2], files), false);
                System.out.println("ok");
            } catch (KubeliftException e) {
                System.out.println(
                        e.getMessage().contains("another kubelift run")
                                ? "locked"
                                : "error: " + e.getMessage());
            }
            return;
        }
        if (args[0].equals("once")) {
            AtomicWriter.write(out, set(args[2], files), false);
            return;
        }
        System.out.println("ready");
        System.out.flush();
        while (true) {
            String current =
                    Files.isRegularFile(out.resolve("SET"))
                            ? Files.readString(out.resolve("SET")).strip()
                            : "B";
            AtomicWriter.write(out, set(current.equals("A") ? "B" : "A", files), false);
        }
    }
}
