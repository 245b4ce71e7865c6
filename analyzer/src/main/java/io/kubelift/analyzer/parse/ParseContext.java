package io.kubelift.analyzer.parse;

import io.kubelift.analyzer.scan.FileTree;
import io.kubelift.model.Evidence;
import io.kubelift.model.FactKind;
import io.kubelift.model.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a parser reports to: the fact sink, the app's files (to follow includes), and the shared
 * treatment of a config key/value, so every format gets the same secret, port, host, directory and
 * heap rules.
 */
public final class ParseContext {
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+[kKmMgGtT]?)");
    private static final Pattern AUTH_KEY =
            Pattern.compile(
                    "(?i).*(authentication|auth[-_.]?(type|method|mechanism)|sasl[-_.]mechanism|security[-_.]protocol)$");
    private static final Pattern TELEMETRY_KEY =
            Pattern.compile(
                    "(?i).*(metrics|jmx|prometheus|actuator|management\\.endpoints?|telemetry|opentelemetry|otel|statsd|graphite).*");
    private final FactSink sink;
    private final FileTree files;
    private final java.util.Set<String> dirPropertiesSeen =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ParseContext(FactSink sink, FileTree files) {
        this.sink = sink;
        this.files = files;
    }

    public FactSink sink() {
        return sink;
    }

    public FileTree files() {
        return files;
    }

    public Evidence ev(SourceFile f, int line) {
        return Evidence.of(f.path(), line, f.line(line));
    }

    public void problem(Problem.Kind kind, SourceFile f, int line, String message) {
        sink.problem(kind, f.path(), line, message);
    }

    public void fact(FactKind kind, String subject, SourceFile f, int line) {
        sink.fact(kind, subject, ev(f, line));
    }

    public void fact(
            FactKind kind,
            String subject,
            String value,
            Map<String, String> attrs,
            SourceFile f,
            int line) {
        sink.fact(kind, subject, value, attrs, ev(f, line));
    }

    /**
     * Records an entry of a users file ({@code user = password} or a password hash): the value is a
     * credential whatever the key, so it becomes a secret named by the user; an empty or
     * placeholder value, or a list ({@code password,role…}), is an ordinary setting.
     */
    public void userCredential(SourceFile f, ConfigEntry e) {
        String value = e.value() == null ? "" : e.value();
        // a value with a list (Karaf's and Jetty's "password,role…", a group line "group,role…")
        // is not read here: which element is the credential is not known, so it stays an ordinary
        // setting
        if (value.contains(",") || SecretRules.keyKind("password", value).isEmpty()) {
            config(f, e);
            return;
        }
        sink.entry(e);
        Evidence ev = ev(f, e.line());
        sink.secret(e.key(), "user-password", value, ev, Map.of("format", e.format()));
        sink.fact(
                FactKind.CONFIG_PROPERTY,
                e.key(),
                io.kubelift.model.SecretValue.MASK,
                attrs("format", e.format()),
                ev);
    }

    /** Records a config setting and everything the shared rules read from it. */
    public void config(SourceFile f, ConfigEntry e) {
        sink.entry(e);
        Evidence ev = ev(f, e.line());
        String key = e.key();
        String value = e.value() == null ? "" : e.value();
        Optional<String> secretKind =
                SecretRules.keyKind(key, value).or(() -> SecretRules.valueKind(value));
        Map<String, String> base = new LinkedHashMap<>();
        base.put("format", e.format());
        if (e.profile() != null) {
            base.put("profile", e.profile());
        }
        // the value the Secret gets: a placeholder's default (${DB_PASS:s3cret}) is the credential,
        // not the placeholder
        String secretValue =
                SecretRules.keyKind(key, value).isPresent()
                        ? SecretRules.literalPart(value)
                        : value;
        secretKind.ifPresent(
                kind -> sink.secret(key, kind, secretValue, ev, Map.of("format", e.format())));
        sink.fact(
                FactKind.CONFIG_PROPERTY,
                key,
                secretKind.isPresent() ? io.kubelift.model.SecretValue.MASK : value,
                base,
                ev);
        if (secretKind.isPresent()) {
            return;
        }
        for (int port : PortRules.listenPorts(key, value)) {
            sink.fact(
                    FactKind.LISTEN_PORT,
                    Integer.toString(port),
                    null,
                    attrs("configKey", key, "via", "config"),
                    ev);
        }
        PortRules.quorumPorts(key, value)
                .forEach(
                        (name, port) ->
                                sink.fact(
                                        FactKind.LISTEN_PORT,
                                        Integer.toString(port),
                                        null,
                                        attrs("configKey", key, "via", "config", "name", name),
                                        ev));
        for (HostRules.HostRef h : HostRules.find(key, value)) {
            Map<String, String> a = attrs("configKey", key);
            if (h.port() > 0) {
                a.put("port", Integer.toString(h.port()));
            }
            if (HostRules.isLoopback(h.host())) {
                a.put("loopback", "true");
            }
            sink.fact(FactKind.HOST_REFERENCE, h.host(), value, a, ev);
        }
        dirProperties(f, key, value, ev);
        DirRules.classify(key, value)
                .ifPresent(
                        d -> {
                            for (String path :
                                    Placeholders.withDefaults(withDirProperties(f, value))
                                            .split(",")) {
                                String p = path.trim();
                                if (p.isEmpty()) {
                                    continue;
                                }
                                switch (d.use()) {
                                    case LOG ->
                                            sink.fact(
                                                    FactKind.LOG_DIR,
                                                    p,
                                                    null,
                                                    attrs("configKey", key, "purpose", d.purpose()),
                                                    ev);
                                    case STATE, SCRATCH ->
                                            sink.fact(
                                                    FactKind.STATE_DIR,
                                                    p,
                                                    null,
                                                    attrs(
                                                            "configKey",
                                                            key,
                                                            "purpose",
                                                            d.purpose(),
                                                            "durable",
                                                            Boolean.toString(
                                                                    d.use() == DirRules.Use.STATE)),
                                                    ev);
                                }
                            }
                        });
        Matcher x = XMX.matcher(value);
        if (x.find()) {
            heap(
                    "-Xmx" + x.group(1),
                    io.kubelift.analyzer.scan.Sizes.parse(x.group(1), 'b').orElse(0L),
                    ev,
                    attrs("configKey", key));
        }
        if (AUTH_KEY.matcher(key).matches() && !value.isBlank()) {
            sink.fact(FactKind.AUTH_MECHANISM, value.trim(), null, attrs("configKey", key), ev);
        }
        if (TELEMETRY_KEY.matcher(key).matches()) {
            sink.fact(FactKind.TELEMETRY, key, value, attrs("configKey", key), ev);
        }
    }

    /**
     * A server's directory property referenced by a setting ({@code
     * relative-to="jboss.server.data.dir"}, {@code ${com.sun.aas.instanceRoot}/logs}) stands for a
     * directory at a known place next to the referencing file ({@link SettingKnowledge}): recorded
     * once per file and property.
     */
    private void dirProperties(SourceFile f, String key, String value, Evidence ev) {
        if (value.isEmpty()) {
            return;
        }
        for (SettingKnowledge.DirProperty d : SettingKnowledge.get().dirProperties()) {
            boolean ref =
                    value.contains("${" + d.name() + "}")
                            || value.contains("${" + d.name() + ":")
                            || (key.endsWith("@relative-to") && value.trim().equals(d.name()));
            if (!ref || !dirPropertiesSeen.add(f.path() + "\u0000" + d.name())) {
                continue;
            }
            String dir = io.kubelift.analyzer.scan.RelPaths.parent(f.path());
            String path =
                    io.kubelift.analyzer.shell.Expander.normalize(
                            dir.isEmpty() ? d.relative() : dir + "/" + d.relative());
            if (path.equals(".") || path.startsWith("..")) {
                continue; // the app root itself, or outside the app: not a directory kubelift can
                // place
            }
            Map<String, String> a = attrs("configKey", d.name(), "purpose", d.purpose());
            switch (d.use()) {
                case LOG -> sink.fact(FactKind.LOG_DIR, path, null, a, ev);
                case STATE -> {
                    a.put("durable", "true");
                    sink.fact(FactKind.STATE_DIR, path, null, a, ev);
                }
                case SCRATCH -> {
                    a.put("durable", "false");
                    sink.fact(FactKind.STATE_DIR, path, null, a, ev);
                }
            }
        }
    }

    /**
     * {@code ${com.sun.aas.instanceRoot}/logs} → {@code glassfish/domains/domain1/logs}: known
     * directory properties placed.
     */
    private static String withDirProperties(SourceFile f, String value) {
        if (!value.contains("${")) {
            return value;
        }
        String v = value;
        for (SettingKnowledge.DirProperty d : SettingKnowledge.get().dirProperties()) {
            if (v.contains("${" + d.name() + "}")) {
                String dir = io.kubelift.analyzer.scan.RelPaths.parent(f.path());
                String path =
                        io.kubelift.analyzer.shell.Expander.normalize(
                                dir.isEmpty() ? d.relative() : dir + "/" + d.relative());
                if (!path.startsWith("..")) {
                    v = v.replace("${" + d.name() + "}", path);
                }
            }
        }
        return v;
    }

    public void heap(String subject, long bytes, Evidence ev, Map<String, String> extra) {
        Map<String, String> a = new LinkedHashMap<>(extra);
        a.put("bytes", Long.toString(bytes));
        sink.fact(FactKind.HEAP_SETTING, subject, null, a, ev);
    }

    public static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Convenience for parsers producing a list of entries. */
    public void configAll(SourceFile f, List<ConfigEntry> entries) {
        entries.forEach(e -> config(f, e));
    }
}
