package io.kubelift.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.checker.CheckOptions;
import io.kubelift.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recall of the cloud-readiness families of issue #17 on code written the way apps write it
 * (imports, fully-qualified names, static imports, wrappers, config files), through the whole
 * pipeline: the analyzer's facts, the Java checks and the rule files. {@code
 * src/test/resources/recall/FAMILY.positive.txt} holds one case per file ({@code === path ===}); a
 * case is found when a check of the family flags that file. {@code FAMILY.negative.txt} must get no
 * finding of the family. The table is printed (and kept in {@code target/recall.txt}); each family
 * must reach 0.9.
 */
class RecallTest {
    /** Family → the checks that count for it. */
    static final Map<String, Set<String>> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("rmi", Set.of("TF04-LEGACY-REMOTING", "TF04-RULE-REMOTE-OBJECTS"));
        FAMILIES.put("corba", Set.of("TF04-LEGACY-REMOTING", "TF04-RULE-REMOTE-OBJECTS"));
        FAMILIES.put("xmlrpc", Set.of("TF04-RULE-XML-RPC"));
        FAMILIES.put("native", Set.of("TF02-NATIVE-CODE", "TF02-RULE-NATIVE-LIBRARY"));
        FAMILIES.put("process", Set.of("TF02-RULE-SPAWNED-PROCESS"));
        FAMILIES.put("localpath", Set.of("TF06-LOCAL-STATE", "TF06-RULE-LOCAL-PATH-SETTING"));
        FAMILIES.put("fileio", Set.of("TF06-LOCAL-FILE-WRITE", "TF06-RULE-LOCAL-FILE-IO"));
        FAMILIES.put("socket", Set.of("TF07-RULE-RAW-SOCKET"));
        FAMILIES.put("jca", Set.of("TF04-RULE-JCA-RESOURCE-ADAPTER"));
        FAMILIES.put(
                "session",
                Set.of(
                        "TF06-HTTP-SESSION",
                        "TF06-RULE-DISTRIBUTABLE-SESSION",
                        "TF06-RULE-SESSION-STATE"));
        FAMILIES.put("cache", Set.of("TF06-RULE-EMBEDDED-CACHE"));
        FAMILIES.put("cloudcreds", Set.of("TF03-RULE-CLOUD-CREDENTIALS", "TF03-LITERAL-SECRET"));
        FAMILIES.put("javamail", Set.of("TF04-RULE-JAVAMAIL-FIXED-SMTP"));
        FAMILIES.put(
                "loghandler",
                Set.of("TF11-RULE-FILE-SOCKET-LOG-HANDLER", "TF11-LOG-FILE-APPENDER"));
    }

    @TempDir Path tmp;

    @Test
    void everyFamilyIsFoundInAtLeastNineCasesOfTenAndNeverInItsNegatives() throws IOException {
        StringBuilder table = new StringBuilder("family        found  recall  negatives flagged\n");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Set<String>> fam : FAMILIES.entrySet()) {
            String family = fam.getKey();
            Map<String, String> pos = cases(family + ".positive.txt");
            Map<String, String> neg = cases(family + ".negative.txt");
            Set<String> flaggedPos = flagged(family + "-pos", pos, fam.getValue());
            Set<String> flaggedNeg = flagged(family + "-neg", neg, fam.getValue());
            Set<String> missed = new TreeSet<>(pos.keySet());
            missed.removeAll(flaggedPos);
            int found = pos.size() - missed.size();
            double recall = pos.isEmpty() ? 0 : (double) found / pos.size();
            table.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "%-13s %2d/%-2d  %5.2f   %d%s%n",
                            family,
                            found,
                            pos.size(),
                            recall,
                            flaggedNeg.size(),
                            missed.isEmpty() ? "" : "   missed: " + missed));
            if (recall < 0.9) {
                failures.add(family + " recall " + recall + ", missed " + missed);
            }
            if (!flaggedNeg.isEmpty()) {
                failures.add(family + " flags its negative cases " + flaggedNeg);
            }
        }
        String extra = System.getProperty("kubelift.recall.extra");
        if (extra != null && !extra.isBlank()) {
            table.append(extraCases(Path.of(extra)));
        }
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/recall.txt"), table.toString());
        assertTrue(failures.isEmpty(), failures + "\n" + table);
    }

    /**
     * Recall on cases kept outside the build ({@code -Dkubelift.recall.extra=DIR}, one {@code
     * FAMILY.txt} of positive cases per family): measured and printed, not asserted, so cases
     * written after the rules can be counted before anything is tuned to them.
     */
    private String extraCases(Path dir) throws IOException {
        StringBuilder t = new StringBuilder("\nextra cases from " + dir + "\n");
        for (Map.Entry<String, Set<String>> fam : FAMILIES.entrySet()) {
            Path file = dir.resolve(fam.getKey() + ".txt");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Map<String, String> pos = parse(Files.readString(file, StandardCharsets.UTF_8));
            Set<String> missed = new TreeSet<>(pos.keySet());
            missed.removeAll(flagged(fam.getKey() + "-extra", pos, fam.getValue()));
            t.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "%-13s %2d/%-2d%s%n",
                            fam.getKey(),
                            pos.size() - missed.size(),
                            pos.size(),
                            missed.isEmpty() ? "" : "   missed: " + missed));
        }
        return t.toString();
    }

    /** The files of an app flagged by one of {@code checks}. */
    private Set<String> flagged(String name, Map<String, String> files, Set<String> checks)
            throws IOException {
        Path app = tmp.resolve(name);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = app.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        List<Finding> findings =
                new Kubelift(Progress.SILENT)
                        .check(app, CheckOptions.defaults(), false)
                        .report()
                        .findings();
        Set<String> out = new TreeSet<>();
        for (Finding f : findings) {
            if (checks.contains(f.checkId()) && f.file() != null) {
                out.add(f.file());
            }
        }
        return out;
    }

    /** {@code === path ===} sections of a resource. */
    private static Map<String, String> cases(String resource) throws IOException {
        try (var in = RecallTest.class.getResourceAsStream("/recall/" + resource)) {
            if (in == null) {
                throw new IOException("missing test resource recall/" + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> parse(String all) {
        Map<String, String> files = new TreeMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : all.split("\n", -1)) {
            if (line.startsWith("=== ") && line.endsWith(" ===")) {
                if (current != null) {
                    files.put(current, text.toString());
                }
                current = line.substring(4, line.length() - 4).strip();
                text.setLength(0);
            } else if (current != null) {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            files.put(current, text.toString());
        }
        return files;
    }
}
