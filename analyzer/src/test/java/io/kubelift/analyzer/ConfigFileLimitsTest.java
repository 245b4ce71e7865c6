package io.kubelift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Component;
import io.kubelift.model.ConfigFile;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config files that must not go into a ConfigMap: those that do not parse, and those over the 1 MiB
 * object limit.
 */
class ConfigFileLimitsTest {
    @TempDir Path tmp;

    @Test
    void anOversizedConfigFileIsLeftOutWithANote() throws Exception {
        Files.createDirectories(tmp.resolve("conf"));
        Files.writeString(tmp.resolve("conf/big.properties"), "k=v\n".repeat(300_000));
        Files.writeString(tmp.resolve("conf/small.properties"), "k=v\n");
        Component c =
                Component.builder("web")
                        .entrypoint(
                                Entrypoint.mainClass(
                                        null, "a.Main", List.of(), List.of(), List.of(), null))
                        .configFiles(
                                List.of(
                                        new ConfigFile("conf/big.properties", "properties"),
                                        new ConfigFile("conf/small.properties", "properties")))
                        .build();
        List<Problem> notes = new ArrayList<>();
        Component out = Analyzer.withoutOversizedConfig(c, AppFileTrees.open(tmp), notes);
        assertEquals(
                List.of("conf/small.properties"),
                out.configFiles().stream().map(ConfigFile::path).toList());
        assertEquals(1, notes.size());
        assertTrue(
                notes.get(0)
                        .describe()
                        .startsWith(
                                "conf/big.properties: left out of component web's ConfigMap: 1171 KiB"),
                notes.get(0).describe());
    }

    @Test
    void anUnparseableConfigFileIsLeftOutWithANote() {
        Component c =
                Component.builder("web")
                        .entrypoint(
                                Entrypoint.mainClass(
                                        null, "a.Main", List.of(), List.of(), List.of(), null))
                        .configFiles(
                                List.of(
                                        new ConfigFile("conf/broken.yml", "yaml"),
                                        new ConfigFile("conf/ok.yml", "yaml")))
                        .build();
        List<Problem> notes = new ArrayList<>();
        Component out =
                Analyzer.withoutUnparsedConfig(
                        c,
                        List.of(
                                new Problem(
                                        Problem.Kind.PARSE_ERROR,
                                        "conf/broken.yml",
                                        2,
                                        "YAML refused or malformed")),
                        notes);
        assertEquals(
                List.of("conf/ok.yml"), out.configFiles().stream().map(ConfigFile::path).toList());
        assertTrue(
                notes.get(0)
                        .describe()
                        .contains(
                                "could not be parsed, so kubelift cannot tell whether it holds a secret"));
    }
}
