package io.kubelift.analyzer;

import io.kubelift.analyzer.shell.JavaCommand;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.Evidence;
import io.kubelift.model.ImageLayout;
import io.kubelift.model.SourceHome;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The absolute paths of a legacy install in its launches, moved to where the image holds them.
 *
 * <ul>
 *   <li><b>the install's own location</b>: a script that names one of the app's files by an
 *       absolute path (Artemis's {@code bin/artemis} sources {@code
 *       /var/lib/broker/etc/artemis.profile}, written by {@code artemis create}) tells where the
 *       app was installed ({@code /var/lib/broker}); that prefix becomes the app home in the image
 *       ({@code /opt/app}) in JVM options and a relative path in the classpath.
 *   <li><b>a home outside the app</b>: a classpath entry under a {@code lib/} directory outside the
 *       app that exists on this machine ({@code ARTEMIS_HOME/lib/artemis-boot.jar}) names the
 *       product home the app runs from; it becomes a {@link SourceHome} that {@code kubelift build}
 *       copies to {@code /opt/app/homes/<name>}, and every mention of it moves there.
 * </ul>
 */
final class InstallPaths {
    static final String HOMES = "homes/";

    /** The launches with their paths moved, and the homes outside the app they name. */
    record Result(List<ShellLaunch> launches, List<SourceHome> homes) {}

    private InstallPaths() {}

    /**
     * The install location a script's absolute path implies: {@code written} minus the app path it
     * resolved to, when it ends with that path; else null.
     */
    static String rootOf(String written, String appPath) {
        String w = normalise(written);
        if (!w.startsWith("/") || appPath.isEmpty() || !w.endsWith("/" + appPath)) {
            return null;
        }
        String root = w.substring(0, w.length() - appPath.length() - 1);
        return root.isEmpty() || root.equals("/") ? null : root;
    }

    static Result relocate(
            List<ShellLaunch> launches, Set<String> roots, Predicate<String> isDirectory) {
        // longest first: a root inside another is replaced before it
        List<String> installRoots = new ArrayList<>(roots);
        installRoots.sort(Comparator.comparing(String::length).reversed());
        Map<String, SourceHome> homes = new TreeMap<>();
        List<ShellLaunch> out = new ArrayList<>();
        for (ShellLaunch l : launches) {
            JavaCommand c = l.command();
            Map<String, String> moves = new TreeMap<>(); // legacy prefix → app-relative ("" = app)
            for (String r : installRoots) {
                moves.put(r, "");
            }
            for (String e : c.classpath()) {
                String home = homeOf(movedClasspath(e, moves));
                if (home != null && !moves.containsKey(home) && isDirectory.test(home)) {
                    String at = HOMES + name(home);
                    homes.putIfAbsent(
                            home,
                            new SourceHome(
                                    home,
                                    at,
                                    Evidence.of(
                                            l.script(),
                                            l.line(),
                                            l.text().lines().findFirst().orElse("").strip())));
                    moves.put(home, homes.get(home).at());
                }
            }
            if (moves.isEmpty()) {
                out.add(l);
                continue;
            }
            JavaCommand moved =
                    new JavaCommand(
                            c.mainClass(),
                            c.jar() == null ? null : movedClasspath(c.jar(), moves),
                            c.classpath().stream().map(e -> movedClasspath(e, moves)).toList(),
                            c.jvmOptions().stream().map(o -> movedOption(o, moves)).toList(),
                            c.args().stream().map(o -> movedOption(o, moves)).toList(),
                            c.unresolvedOptions().stream()
                                    .map(o -> movedOption(o, moves))
                                    .toList());
            out.add(
                    new ShellLaunch(
                            l.script(),
                            l.line(),
                            l.text(),
                            moved,
                            l.role(),
                            l.background(),
                            l.entryScript(),
                            l.heapSource(),
                            l.sources()));
        }
        return new Result(out, List.copyOf(homes.values()));
    }

    /**
     * The home a classpath entry outside the app names: the directory above its {@code lib/}; null
     * for a relative entry or one without {@code lib/}.
     */
    static String homeOf(String entry) {
        String e = normalise(entry);
        if (!e.startsWith("/")) {
            return null;
        }
        int lib = e.lastIndexOf("/lib/");
        return lib <= 0 ? null : e.substring(0, lib);
    }

    /** A classpath entry under a moved prefix, relative to the app home. */
    private static String movedClasspath(String entry, Map<String, String> moves) {
        String e = normalise(entry);
        for (Map.Entry<String, String> m : longestFirst(moves)) {
            String p = m.getKey();
            if (e.equals(p)) {
                return m.getValue().isEmpty() ? "." : m.getValue();
            }
            if (e.startsWith(p + "/")) {
                String rest = e.substring(p.length() + 1);
                return m.getValue().isEmpty() ? rest : m.getValue() + "/" + rest;
            }
        }
        return entry;
    }

    /**
     * Every mention of a moved prefix in an option ({@code -Dartemis.instance=/var/lib/broker},
     * {@code file:/var/lib/broker/etc/}) becomes the absolute path in the image; a prefix followed
     * by more name characters ({@code /var/lib/broker-home}) is another path and stays.
     */
    private static String movedOption(String option, Map<String, String> moves) {
        String s = option;
        for (Map.Entry<String, String> m : longestFirst(moves)) {
            String target =
                    m.getValue().isEmpty()
                            ? ImageLayout.APP_HOME
                            : ImageLayout.APP_HOME + "/" + m.getValue();
            StringBuilder sb = new StringBuilder();
            int from = 0;
            int at;
            while ((at = s.indexOf(m.getKey(), from)) >= 0) {
                int end = at + m.getKey().length();
                boolean boundary = end == s.length() || !isNameChar(s.charAt(end));
                boolean start = at == 0 || !isNameChar(s.charAt(at - 1));
                sb.append(s, from, at).append(boundary && start ? target : m.getKey());
                from = end;
            }
            s = sb.append(s.substring(from)).toString();
        }
        return s;
    }

    private static List<Map.Entry<String, String>> longestFirst(Map<String, String> moves) {
        List<Map.Entry<String, String>> l = new ArrayList<>(moves.entrySet());
        l.sort(
                Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().length())
                        .reversed());
        return l;
    }

    private static boolean isNameChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '.' || ch == '_' || ch == '-';
    }

    private static String normalise(String path) {
        String p = path.replace('\\', '/');
        while (p.contains("//")) {
            p = p.replace("//", "/");
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** A directory name for {@code homes/}: the home's last segment, as a DNS-ish label. */
    private static String name(String home) {
        String last = home.substring(home.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String n = last.replaceAll("[^a-z0-9._-]", "-");
        return n.isEmpty() ? "home" : n;
    }

    /** Whether {@code path} is a directory on this machine (false for anything unreadable). */
    static boolean isDirectory(String path) {
        try {
            return Files.isDirectory(Path.of(path));
        } catch (InvalidPathException | SecurityException e) {
            return false;
        }
    }
}
