package io.kubelift.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kubelift.model.KubeliftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code up} created, kept in {@code OUT/.kubelift/run.json} and rewritten after every step,
 * so that {@code down} removes exactly that — also after an {@code up} that failed half way.
 */
final class RunState {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One played pod and the file it was played from. */
    record PlayedPod(String name, String playFile) {}

    /** The JSON form. */
    record Data(
            String runtime,
            String network,
            boolean networkCreated,
            List<PlayedPod> pods,
            List<String> volumes,
            List<String> secrets,
            List<String> claims) {}

    final Path file;
    String runtime;
    String network;
    boolean networkCreated;
    final List<PlayedPod> pods = new ArrayList<>();
    final List<String> volumes = new ArrayList<>();
    final List<String> secrets = new ArrayList<>();

    /** The volumes that stand for PersistentVolumeClaims (kept by a plain {@code down}). */
    final List<String> claims = new ArrayList<>();

    RunState(Path file) {
        this.file = file;
    }

    static Path fileIn(Path outDir) {
        return outDir.resolve(".kubelift").resolve("run.json");
    }

    /** The claims' volumes a plain {@code down} kept, for a later {@code down --volumes}. */
    static Path keptClaimsIn(Path outDir) {
        return outDir.resolve(".kubelift").resolve("kept-volumes.json");
    }

    static List<String> readKeptClaims(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(file.toFile(), String[].class));
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    file.toString(),
                    "cannot read the kept volumes: " + e.getMessage(),
                    "remove them by hand (podman volume ls) and delete the file");
        }
    }

    /** Writes the kept claims' volumes; none deletes the file. */
    static void writeKeptClaims(Path file, List<String> claims) {
        try {
            if (claims.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), claims);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static RunState read(Path file) {
        RunState s = new RunState(file);
        try {
            Data d = JSON.readValue(file.toFile(), Data.class);
            s.runtime = d.runtime();
            s.network = d.network();
            s.networkCreated = d.networkCreated();
            s.pods.addAll(d.pods() == null ? List.of() : d.pods());
            s.volumes.addAll(d.volumes() == null ? List.of() : d.volumes());
            s.secrets.addAll(d.secrets() == null ? List.of() : d.secrets());
            s.claims.addAll(d.claims() == null ? List.of() : d.claims());
            return s;
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    file.toString(),
                    "cannot read the run state: " + e.getMessage(),
                    "remove the pods by hand (podman pod ls) and delete the file");
        }
    }

    void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("run.json.tmp");
            JSON.writeValue(
                    tmp.toFile(),
                    new Data(runtime, network, networkCreated, pods, volumes, secrets, claims));
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KubeliftException(
                    KubeliftException.Kind.INTERNAL,
                    "cannot write " + file + ": " + e.getMessage(),
                    e);
        }
    }
}
