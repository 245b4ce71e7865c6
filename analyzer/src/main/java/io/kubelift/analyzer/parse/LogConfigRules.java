package io.kubelift.analyzer.parse;

import io.kubelift.model.FactKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Logging configuration: file vs console appenders in log4j 1.x / reload4j, log4j2 and
 * java.util.logging properties files, and in logback / log4j2 / log4j XML.
 */
final class LogConfigRules {
    private LogConfigRules() {}

    static void fromProperties(SourceFile f, ParseContext ctx) {
        List<ConfigEntry> entries = PropertiesParser.read(f, "properties");
        Map<String, String> byKey = new java.util.HashMap<>();
        entries.forEach(e -> byKey.put(e.key(), e.value()));
        for (ConfigEntry e : entries) {
            String k = e.key();
            String v = e.value();
            // log4j 1.x: log4j.appender.NAME=class
            if (k.matches("log4j\\.appender\\.[^.]+")) {
                String name = k.substring("log4j.appender.".length());
                appender(ctx, f, e.line(), name, v, byKey.get(k + ".File"), "log4j");
            }
            // log4j2 properties: appender.X.type=File|RollingFile|Console
            if (k.matches("appender\\.[^.]+\\.type")) {
                String id = k.substring("appender.".length(), k.length() - ".type".length());
                String name = byKey.getOrDefault("appender." + id + ".name", id);
                appender(
                        ctx,
                        f,
                        e.line(),
                        name,
                        v,
                        byKey.get("appender." + id + ".fileName"),
                        "log4j2");
            }
            // JUL: handlers=java.util.logging.FileHandler, java.util.logging.ConsoleHandler
            if (k.equals("handlers") || k.endsWith(".handlers")) {
                for (String h : v.split("[,\\s]+")) {
                    if (!h.isBlank()) {
                        appender(ctx, f, e.line(), h, h, julPath(h, byKey), "jul");
                    }
                }
            }
        }
    }

    /**
     * Where a JUL file handler writes: its own {@code pattern}, Tomcat JULI's {@code directory} +
     * {@code prefix} (handler names like {@code 1catalina.org.apache.juli.AsyncFileHandler}), else
     * the global FileHandler pattern.
     */
    private static String julPath(String handler, Map<String, String> byKey) {
        String pattern = byKey.get(handler + ".pattern");
        if (pattern != null) {
            return pattern;
        }
        String dir = byKey.get(handler + ".directory");
        if (dir != null) {
            return dir.replaceAll("/+$", "")
                    + "/"
                    + byKey.getOrDefault(handler + ".prefix", "")
                    + "*";
        }
        return byKey.get("java.util.logging.FileHandler.pattern");
    }

    static void appender(
            ParseContext ctx,
            SourceFile f,
            int line,
            String name,
            String type,
            String path,
            String framework) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        Map<String, String> a =
                ParseContext.attrs("framework", framework, "path", path, "class", type);
        if (t.contains("console")) {
            ctx.fact(FactKind.CONSOLE_APPENDER, name, null, a, f, line);
        } else if (t.contains("file") || t.contains("rolling")) {
            ctx.fact(FactKind.FILE_APPENDER, name, null, a, f, line);
            if (path != null && path.contains("/")) {
                String dir = path.substring(0, path.lastIndexOf('/'));
                if (!dir.isEmpty()) {
                    ctx.fact(
                            FactKind.LOG_DIR,
                            dir,
                            null,
                            ParseContext.attrs("configKey", name, "framework", framework),
                            f,
                            line);
                }
            }
        }
    }
}
