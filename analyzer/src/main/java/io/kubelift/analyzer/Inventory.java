package io.kubelift.analyzer;

import io.kubelift.analyzer.parse.ConfigEntry;
import io.kubelift.analyzer.parse.SecretHit;
import io.kubelift.analyzer.scan.FileTree;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Problem;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything the scan and the parsers found in one app, for the detectors: the masked facts,
 * problems, the raw config entries and secret hits (internal only, never serialised), the
 * interpreted script launches, the config format of each config file, the homes outside the app it
 * runs from and where it was installed (the absolute directories its scripts name it by).
 */
public record Inventory(
        FileTree files,
        List<Fact> facts,
        List<Problem> problems,
        List<ConfigEntry> entries,
        List<SecretHit> secrets,
        List<ShellLaunch> launches,
        Map<String, String> configFormats,
        List<io.kubelift.model.SourceHome> homes,
        List<io.kubelift.model.InstallLocation> installedAt) {

    public Stream<Fact> facts(FactKind kind) {
        return facts.stream().filter(f -> f.kind() == kind);
    }

    public boolean has(String path) {
        return files.list().contains(path);
    }

    public Stream<ConfigEntry> entries(String file) {
        return entries.stream().filter(e -> e.file().equals(file));
    }
}
