package io.kubelift.analyzer.parse;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Classifies directory settings: state (durable data), scratch (tmp/local/work/lock dirs: state
 * that may be lost), or logs. A few well-known keys whose names mislead are listed (Kafka's {@code
 * log.dirs} holds the topic data, ZooKeeper's {@code dataLogDir} the transaction log); everything
 * else goes by the key's words.
 */
final class DirRules {
    public enum Use {
        STATE,
        SCRATCH,
        LOG
    }

    public record DirUse(Use use, String purpose) {}

    private static final Map<String, DirUse> KNOWN =
            Map.of(
                    "log.dirs", new DirUse(Use.STATE, "kafka topic data (commit log)"),
                    "log.dir", new DirUse(Use.STATE, "kafka topic data (commit log)"),
                    "datalogdir", new DirUse(Use.STATE, "zookeeper transaction log"),
                    "datadir", new DirUse(Use.STATE, "data directory"),
                    "yarn.nodemanager.local-dirs",
                            new DirUse(
                                    Use.SCRATCH,
                                    "nodemanager local dirs (container work, localized files)"),
                    "hadoop.tmp.dir", new DirUse(Use.SCRATCH, "hadoop temporary/base dir"),
                    "yarn.nodemanager.log-dirs", new DirUse(Use.LOG, "container logs"),
                    "logging.file.path", new DirUse(Use.LOG, "logs"),
                    "logging.path", new DirUse(Use.LOG, "logs"));

    /**
     * java.util.logging / Tomcat JULI file handlers: {@code
     * 1catalina.org.apache.juli.AsyncFileHandler.directory}.
     */
    private static final Pattern JUL_HANDLER_DIR = Pattern.compile("(?i).*handler\\.directory$");

    private static final Pattern DIR_KEY =
            Pattern.compile(
                    "(?i).*(dir|dirs|directory|directories|path|folder|location|root|home|base)$");
    private static final Pattern LOG_WORD =
            Pattern.compile("(?i).*(^|[-_.])?logs?([-_.]|dir|path|$).*");
    private static final Pattern SCRATCH_WORD =
            Pattern.compile("(?i).*(tmp|temp|scratch|cache|work|local|spool|lock).*");
    private static final Pattern STATE_WORD =
            Pattern.compile(
                    "(?i).*(data|state|store|storage|journal|snapshot|wal|recovery|db|index|queue|repo|persist|kahadb).*");
    private static final Pattern PATH_VALUE =
            Pattern.compile(
                    "^(/|\\$\\{|\\$[A-Za-z_]|\\./|\\.\\./|~/|[A-Za-z]:\\\\|file:/)[^\\s,;]*(,[^\\s,;]+)*$");

    /**
     * A relative path ({@code data/journal}) counts only under a key that says it is a directory.
     */
    private static final Pattern RELATIVE_PATH = Pattern.compile("[\\w.-]+(/[\\w.-]+)*/?");

    private static final Pattern DIR_SUFFIX =
            Pattern.compile("(?i).*(dir|dirs|directory|directories)$");

    private DirRules() {}

    private static boolean relativeDir(String key, String value) {
        return DIR_SUFFIX.matcher(key).matches()
                && RELATIVE_PATH.matcher(value).matches()
                && !value.matches("(?i)\\d+|true|false|yes|no|none|null|on|off")
                && !value.startsWith(".");
    }

    public static Optional<DirUse> classify(String key, String rawValue) {
        if (key == null || rawValue == null) {
            return Optional.empty();
        }
        String k = key.trim();
        String value = Placeholders.withDefaults(rawValue);
        if (!PATH_VALUE.matcher(value.trim()).matches() && !relativeDir(k, value.trim())) {
            return Optional.empty();
        }
        if (value.trim()
                        .matches(
                                ".*\\.(jks|p12|pem|keystore|truststore|xml|properties|jar|log|pid|conf|cfg)$")
                || k.toLowerCase(Locale.ROOT).matches(".*(zk|zookeeper|znode).*")) {
            return Optional.empty(); // a file or a ZooKeeper path, not a local directory
        }
        if (JUL_HANDLER_DIR.matcher(k).matches()) {
            return Optional.of(new DirUse(Use.LOG, "logs"));
        }
        DirUse known = KNOWN.get(k.toLowerCase(Locale.ROOT));
        if (known == null) {
            String last =
                    k.substring(Math.max(0, Math.max(k.lastIndexOf('.'), k.lastIndexOf('/')) + 1));
            known = KNOWN.get(last.toLowerCase(Locale.ROOT));
        }
        if (known != null) {
            return Optional.of(known);
        }
        Optional<DirUse> data = SettingKnowledge.get().dir(k);
        if (data.isPresent()) {
            return data;
        }
        // an XML key's words are its own element and attribute, not its ancestors'
        // (Host[localhost]/Valve@directory)
        String words =
                (k.contains("/") ? k.substring(k.lastIndexOf('/') + 1) : k)
                        .replaceAll("\\[[^\\]]*\\]", "");
        if (!DIR_KEY.matcher(words).matches()
                || words.toLowerCase(Locale.ROOT)
                        .matches(
                                ".*(java|jre|jdk|conf|config|bin|lib|class|plugin|home)[-_.]?(dir|path|home|root)?$")) {
            return Optional.empty();
        }
        String first = value.split(",")[0].trim();
        if (LOG_WORD.matcher(words).matches()
                || first.replaceAll("/+$", "").matches("(?i)(.*/)?logs?")) {
            return Optional.of(new DirUse(Use.LOG, "logs"));
        }
        if (SCRATCH_WORD.matcher(words).matches()) {
            return Optional.of(new DirUse(Use.SCRATCH, "scratch"));
        }
        if (STATE_WORD.matcher(words).matches()) {
            return Optional.of(new DirUse(Use.STATE, "data"));
        }
        return Optional.empty();
    }
}
