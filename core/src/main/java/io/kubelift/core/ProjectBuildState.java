package io.kubelift.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubelift.model.AtomicWriter;
import io.kubelift.model.FileSet;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.ProjectDescriptor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code kubelift:build} recorded about its last output ({@code .kubelift/build-state.json} in
 * the output directory), so that the next build can tell whether the analysis and the manifests are
 * still up to date: {@code inputs} is a content hash of everything the plan is made from (the
 * project's files as the snapshot holds them, the build's description of the project, the kept
 * plan, the plan name, the output location and kubelift's own code), {@code images} the image
 * references the manifests were pinned to, {@code secretResources} what the analysis said to keep
 * out of the image, and {@code outputs} the SHA-256 of every file written with it. A state whose
 * outputs were changed or removed since (by hand or by {@code kubelift:analyze}) counts as absent;
 * {@code kubelift:generate} records its own state, with no images.
 */
record ProjectBuildState(
        String inputs,
        Map<String, String> images,
        Set<String> secretResources,
        Map<String, String> outputs) {
    static final String FILE = ".kubelift/build-state.json";

    ProjectBuildState {
        images = Map.copyOf(images);
        secretResources = Set.copyOf(secretResources);
        outputs = Map.copyOf(outputs);
    }

    /** The hash of the plan's inputs; see the class comment. */
    static String inputs(
            ProjectDescriptor project, Path userPlan, String planName, String sourcePath) {
        MessageDigest md = sha256();
        update(
                md,
                "kubelift project build state 1\n" + Version.get() + "\n" + codeIdentity() + "\n");
        update(
                md,
                "project "
                        + project
                        + "\nplanName "
                        + planName
                        + "\nsourcePath "
                        + sourcePath
                        + "\n");
        if (userPlan != null && Files.isRegularFile(userPlan)) {
            try {
                update(md, "userPlan " + userPlan.toAbsolutePath().normalize() + "\n");
                md.update(Files.readAllBytes(userPlan));
            } catch (IOException e) {
                update(
                        md,
                        "unreadable userPlan "
                                + java.util.UUID.randomUUID()
                                + "\n"); // never up to date
            }
        } else {
            update(md, "no userPlan\n");
        }
        ProjectSnapshot.digest(project, md);
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The jars kubelift runs from, by path, size and modification time: a rebuilt SNAPSHOT of the
     * analyzer or the generator keeps the version but must not reuse output made by the previous
     * one.
     */
    private static String codeIdentity() {
        StringBuilder sb = new StringBuilder();
        for (Class<?> c :
                List.of(
                        ProjectBuildState.class,
                        io.kubelift.analyzer.Analyzer.class,
                        io.kubelift.generator.Generator.class,
                        io.kubelift.model.MigrationPlan.class)) {
            try {
                var source = c.getProtectionDomain().getCodeSource();
                Path p = source == null ? null : Path.of(source.getLocation().toURI());
                if (p != null && Files.isRegularFile(p)) {
                    sb.append(p)
                            .append(' ')
                            .append(Files.size(p))
                            .append(' ')
                            .append(Files.getLastModifiedTime(p).toMillis())
                            .append('\n');
                } else {
                    sb.append(p).append('\n');
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                sb.append(c.getName()).append(" unknown\n");
            }
        }
        return sb.toString();
    }

    /**
     * The state to record with {@code files} (the build's whole output, without the state itself).
     */
    static ProjectBuildState of(
            String inputs, Map<String, String> images, Set<String> secretResources, FileSet files) {
        Map<String, String> outputs = new TreeMap<>();
        files.files()
                .forEach((path, entry) -> outputs.put(path, AtomicWriter.sha256(entry.content())));
        return new ProjectBuildState(inputs, images, secretResources, outputs);
    }

    String toJson() {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("inputs", inputs);
        doc.put("images", new TreeMap<>(images));
        doc.put("secretResources", new TreeSet<>(secretResources));
        doc.put("outputs", new TreeMap<>(outputs));
        return PlanCodec.toJson(doc);
    }

    /**
     * The recorded state, or null when there is none, it is unreadable, or an output it lists is
     * not as written.
     */
    static ProjectBuildState read(Path outDir) {
        Path file = outDir.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            JsonNode node =
                    PlanCodec.json().readTree(Files.readString(file, StandardCharsets.UTF_8));
            String inputs = node.path("inputs").asText(null);
            if (inputs == null
                    || !node.path("images").isObject()
                    || !node.path("outputs").isObject()
                    || !node.path("secretResources").isArray()) {
                return null;
            }
            Map<String, String> images = new TreeMap<>();
            node.get("images")
                    .fields()
                    .forEachRemaining(e -> images.put(e.getKey(), e.getValue().asText()));
            Set<String> secrets = new TreeSet<>();
            node.get("secretResources").forEach(n -> secrets.add(n.asText()));
            Map<String, String> outputs = new TreeMap<>();
            node.get("outputs")
                    .fields()
                    .forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().asText()));
            if (outputs.isEmpty()) {
                return null;
            }
            for (Map.Entry<String, String> o : outputs.entrySet()) {
                Path p = outDir.resolve(o.getKey()).normalize();
                if (!p.startsWith(outDir.normalize())
                        || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        || !AtomicWriter.sha256(Files.readAllBytes(p)).equals(o.getValue())) {
                    return null;
                }
            }
            return new ProjectBuildState(inputs, images, secrets, outputs);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged state only costs a full build
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
    }
}
