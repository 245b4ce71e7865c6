package io.kubelift.analyzer.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubelift.model.KubeliftException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads product profiles: the built-in ones (listed in {@code profiles/index.txt} among the
 * analyzer's resources) and every {@code *.yaml}/{@code *.yml} file of the directories a user gives
 * ({@code --profiles DIR}). A user profile with the id of a built-in one replaces it. A profile
 * that does not parse is a {@code path:line: what — hint} error.
 */
public final class Profiles {
    private static final String INDEX = "/io/kubelift/analyzer/profiles/index.txt";
    private static final long MAX_PROFILE_BYTES = 1 << 20;
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static volatile List<ProductProfile> builtIn;

    private Profiles() {}

    /** The profiles shipped with kubelift, in index order. */
    public static List<ProductProfile> builtIn() {
        List<ProductProfile> b = builtIn;
        if (b == null) {
            List<ProductProfile> out = new ArrayList<>();
            for (String name :
                    resource(INDEX)
                            .lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .toList()) {
                String path = "/io/kubelift/analyzer/profiles/" + name;
                out.add(parse(resource(path), "analyzer resource " + name));
            }
            builtIn = b = List.copyOf(out);
        }
        return b;
    }

    /**
     * The built-in profiles with those of {@code dirs} added (a user profile replaces a built-in
     * one of the same id).
     */
    public static List<ProductProfile> load(List<Path> dirs) {
        Map<String, ProductProfile> byId = new LinkedHashMap<>();
        builtIn().forEach(p -> byId.put(p.id(), p));
        for (Path dir : dirs == null ? List.<Path>of() : dirs) {
            for (Path f : files(dir)) {
                ProductProfile p;
                try {
                    if (Files.size(f) > MAX_PROFILE_BYTES) {
                        throw KubeliftException.badInput(
                                f.toString(),
                                "a profile larger than 1 MiB",
                                "a product profile is a short YAML file");
                    }
                    p = parse(Files.readString(f, StandardCharsets.UTF_8), f.toString());
                } catch (IOException e) {
                    throw KubeliftException.badInput(
                            f.toString(),
                            "cannot read the profile (" + e.getClass().getSimpleName() + ")",
                            "check the file's permissions");
                }
                byId.remove(p.id());
                byId.put(p.id(), p);
            }
        }
        return List.copyOf(byId.values());
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw KubeliftException.badInput(
                    dir.toString(),
                    "not a directory of product profiles",
                    "give a directory holding *.yaml profile files");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(
                            f ->
                                    Files.isRegularFile(f)
                                            && f.getFileName().toString().matches("(?i).+\\.ya?ml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    dir.toString(),
                    "cannot list the profiles (" + e.getClass().getSimpleName() + ")",
                    "check the directory's permissions");
        }
    }

    /** Parses one profile; {@code where} names it in errors. */
    public static ProductProfile parse(String yaml, String where) {
        ProductProfile p;
        try {
            p = YAML.readValue(yaml, ProductProfile.class);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            int line = l != null && l.getLineNr() > 0 ? l.getLineNr() : 0;
            if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
                line =
                        lineOfKey(yaml, u.getPropertyName())
                                .orElse(line); // records are read buffered: the location is past
                // the key
            }
            String loc = where + (line > 0 ? ":" + line : "");
            throw KubeliftException.badInput(
                    loc,
                    "not a valid product profile: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""),
                    "see docs/analyzer.md, 'Product profiles', for the fields");
        }
        if (p == null) {
            throw KubeliftException.badInput(
                    where, "an empty product profile", "see docs/analyzer.md, 'Product profiles'");
        }
        if (!io.kubelift.model.Names.isDnsLabel(p.id())) {
            throw KubeliftException.badInput(
                    where,
                    "profile id '" + p.id() + "' is not a DNS label",
                    "use lower-case letters, digits and '-'");
        }
        for (ProductProfile.Daemon d : p.components()) {
            boolean named =
                    d.perApplication()
                            ? d.name().equals(ProfileDetector.APPLICATION)
                            : d.fallbackOnly() && d.name().equals(ProfileDetector.APP)
                                    || io.kubelift.model.Names.isDnsLabel(d.name());
            if (!named) {
                throw KubeliftException.badInput(
                        where,
                        "component name '" + d.name() + "' is not a DNS label",
                        "use lower-case letters, digits and '-' (or ${application} with"
                                + " perApplication, ${app} with fallbackOnly)");
            }
            String at = where + componentLine(yaml, d.name());
            if (d.mainClass() == null && !d.perApplication()) {
                throw KubeliftException.badInput(
                        at,
                        "not a valid product profile: component " + d.name() + " has no mainClass",
                        "give the class the JVM runs (only a perApplication component takes its"
                                + " application's)");
            }
            if (!d.perApplication() && !p.recognise().applications().isEmpty()
                    || d.perApplication() && p.recognise().applications().isEmpty()) {
                throw KubeliftException.badInput(
                        at,
                        "not a valid product profile: component "
                                + d.name()
                                + ": perApplication and recognise.applications go"
                                + " together",
                        "see docs/analyzer.md, 'Product profiles'");
            }
            for (ProductProfile.PortDef port : d.ports()) {
                if (port.port() != null && (port.port() < 1 || port.port() > 65535)) {
                    throw KubeliftException.badInput(
                            where,
                            "port " + port.key() + ": " + port.port() + " is not in 1..65535",
                            "give the product's default port");
                }
                if (port.key() == null && port.port() == null) {
                    throw KubeliftException.badInput(
                            at,
                            "not a valid product profile: component "
                                    + d.name()
                                    + ": a port with neither key nor port",
                            "give the setting that sets it, its default port, or both");
                }
            }
            if (d.workload() != null) {
                try {
                    io.kubelift.model.Workload.valueOf(d.workload());
                } catch (IllegalArgumentException e) {
                    throw KubeliftException.badInput(
                            where,
                            "component "
                                    + d.name()
                                    + ": workload '"
                                    + d.workload()
                                    + "' is not a workload kind",
                            "use Deployment, StatefulSet, DaemonSet, Job or CronJob");
                }
            }
        }
        return p;
    }

    /** {@code :LINE} of the component named so (its {@code name:} line), or nothing. */
    static String componentLine(String yaml, String name) {
        java.util.regex.Pattern p =
                java.util.regex.Pattern.compile(
                        "(^|[{,\\s-])name\\s*:\\s*[\"']?"
                                + java.util.regex.Pattern.quote(name)
                                + "[\"']?\\s*([,}]|$)");
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) {
                return ":" + (i + 1);
            }
        }
        return "";
    }

    /** The first line (1-based) where {@code key} is written as a mapping key. */
    static java.util.OptionalInt lineOfKey(String yaml, String key) {
        java.util.regex.Pattern p =
                java.util.regex.Pattern.compile(
                        "(^\\s*(-\\s+)?|[{,]\\s*)" + java.util.regex.Pattern.quote(key) + "\\s*:");
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) {
                return java.util.OptionalInt.of(i + 1);
            }
        }
        return java.util.OptionalInt.empty();
    }

    private static String resource(String path) {
        try (InputStream in = Profiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing analyzer resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read analyzer resource " + path, e);
        }
    }
}
