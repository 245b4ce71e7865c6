package io.kubelift.analyzer.parse;

import io.kubelift.analyzer.shell.ShellLexer;
import io.kubelift.analyzer.shell.ShellLine;
import io.kubelift.model.FactKind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-line facts of shell scripts: variables and their defaults, sourced files, daemonisation, pid
 * files, heap settings, secrets in exports, ssh loops over host lists, cron entries and admin
 * commands. The launches themselves come from {@link io.kubelift.analyzer.shell.ShellInterpreter},
 * which needs all scripts at once.
 */
public final class ShellScriptParser implements FileParser {
    private static final Pattern ASSIGN =
            Pattern.compile(
                    "^(?:export\\s+|local\\s+|readonly\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
    private static final Pattern DEFAULT =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?[-=]([^}]*)\\}");
    private static final Pattern ENV_READ = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");
    private static final Pattern SOURCE = Pattern.compile("^(?:\\.|source)\\s+(\\S+)");
    private static final Pattern PID =
            Pattern.compile(
                    "echo\\s+\\$!\\s*>\\s*(\\S+)|([A-Za-z_]*(?i:pid)[A-Za-z_]*)=(\\S*\\.pid\\S*)");
    private static final Pattern HEAP_VAR =
            Pattern.compile("(?i)[A-Z_]*HEAP(SIZE|_MAX|_SIZE)?[A-Z_]*");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+[kKmMgGtT]?)");
    private static final Pattern HOST_CMD = Pattern.compile("(^|\\s)(ssh|scp|pdsh|rsync|clush)\\s");
    private static final Pattern CRON =
            Pattern.compile("(crontab|cron\\b|(^|\\s)((\\d+|\\*)(/\\d+)?\\s+){4}(\\d+|\\*)\\s+/)");
    private static final Pattern ADMIN =
            Pattern.compile(
                    "(^|\\s)(chown|chmod\\s+-R|rm\\s+-r?f|find\\s.*-delete|flyway|liquibase|sysctl|ulimit|mkfs|useradd|iptables)(\\s|$)");

    @Override
    public String id() {
        return "shell";
    }

    @Override
    public String configFormat() {
        return "shell";
    }

    @Override
    public boolean accepts(SourceFile f) {
        return isScript(f);
    }

    public static boolean isScript(SourceFile f) {
        String n = f.lowerName();
        if (n.endsWith(".sh") || n.endsWith(".bash") || n.endsWith(".ksh")) {
            return true;
        }
        String first = f.line(1);
        return !n.contains(".")
                && first.startsWith("#!")
                && (first.contains("sh") || first.contains("bash"));
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        for (int i = 1; i <= f.lines().size(); i++) {
            String raw = f.line(i);
            if (raw.trim().startsWith("#") && CRON.matcher(raw).find()) {
                ctx.fact(
                        FactKind.HOST_BOUND_OPERATION,
                        "cron",
                        raw.replaceFirst("^\\s*#\\s*", "").trim(),
                        ParseContext.attrs("classification", "cronjob-candidate"),
                        f,
                        i);
            }
        }
        boolean inHostLoop = false;
        for (ShellLine l : ShellLexer.lines(f.lines())) {
            String t = l.text();
            int line = l.line();
            if (t.startsWith("for ") && t.matches("(?i).*(workers|slaves|hosts|nodes|servers).*")) {
                inHostLoop = true;
            }
            if (t.equals("done")) {
                inHostLoop = false;
            }
            Matcher a = ASSIGN.matcher(t);
            if (a.matches()) {
                String name = a.group(1);
                String value = IniParser.unquote(a.group(2).trim());
                ctx.fact(
                        FactKind.SCRIPT_VARIABLE,
                        name,
                        value.length() > 200 ? value.substring(0, 200) : value,
                        ParseContext.attrs("export", Boolean.toString(t.startsWith("export "))),
                        f,
                        line);
                if (!value.contains("$") || value.matches("\\$\\{[A-Za-z_0-9]+:?-[^$}]+\\}")) {
                    ctx.config(
                            f,
                            new ConfigEntry(
                                    f.path(),
                                    "shell",
                                    name,
                                    value.replaceAll("^\\$\\{[A-Za-z_0-9]+:?-(.*)\\}$", "$1"),
                                    line));
                }
                if (HEAP_VAR.matcher(name).matches()) {
                    String v = value.replaceAll("^\\$\\{[A-Za-z_0-9]+:?-(.*)\\}$", "$1");
                    io.kubelift.analyzer.scan.Sizes.parse(v, 'm')
                            .ifPresent(
                                    b ->
                                            ctx.heap(
                                                    name,
                                                    b,
                                                    ctx.ev(f, line),
                                                    ParseContext.attrs("variable", name)));
                }
            } else {
                Matcher x = XMX.matcher(t);
                if (x.find() && !t.contains("$")) {
                    io.kubelift.analyzer.scan.Sizes.parse(x.group(1), 'b')
                            .ifPresent(
                                    b ->
                                            ctx.heap(
                                                    "-Xmx" + x.group(1),
                                                    b,
                                                    ctx.ev(f, line),
                                                    java.util.Map.of()));
                }
            }
            Matcher d = DEFAULT.matcher(t);
            while (d.find()) {
                ctx.fact(
                        FactKind.ENV_READ,
                        d.group(1),
                        d.group(2),
                        ParseContext.attrs("default", d.group(2)),
                        f,
                        line);
            }
            Matcher s = SOURCE.matcher(t);
            if (s.find()) {
                ctx.fact(FactKind.SCRIPT_SOURCE, IniParser.unquote(s.group(1)), f, line);
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("nohup ")
                    || lower.contains(" nohup ")
                    || lower.contains("start-stop-daemon")
                    || lower.startsWith("daemon ")
                    || lower.startsWith("setsid ")
                    || t.endsWith(" &")
                            && !t.endsWith("&&")
                            && !inHostLoop
                            && !t.contains("| sed")) {
                ctx.fact(FactKind.DAEMONIZE, t.length() > 120 ? t.substring(0, 120) : t, f, line);
            }
            Matcher p = PID.matcher(t);
            if (p.find()) {
                ctx.fact(
                        FactKind.PID_FILE,
                        p.group(1) != null
                                ? IniParser.unquote(p.group(1))
                                : IniParser.unquote(p.group(3)),
                        f,
                        line);
            }
            if (HOST_CMD.matcher(" " + t).find()) {
                ctx.fact(
                        FactKind.HOST_BOUND_OPERATION,
                        t.length() > 120 ? t.substring(0, 120) : t,
                        null,
                        ParseContext.attrs("loop", Boolean.toString(inHostLoop)),
                        f,
                        line);
            }
            Matcher ad = ADMIN.matcher(t);
            if (ad.find()) {
                ctx.fact(
                        FactKind.ADMIN_IN_START_SCRIPT,
                        ad.group(2).trim(),
                        t,
                        java.util.Map.of(),
                        f,
                        line);
            }
        }
    }

    static boolean envReadName(String s) {
        return ENV_READ.matcher(s).find();
    }
}
