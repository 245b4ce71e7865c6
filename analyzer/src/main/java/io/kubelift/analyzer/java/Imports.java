package io.kubelift.analyzer.java;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.visitor.VoidVisitorAdapter;
import io.kubelift.analyzer.parse.ParseContext;
import io.kubelift.model.FactKind;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an import says the code uses: remote objects (RMI, CORBA), file or console log handlers,
 * HTTP sessions, and telemetry libraries.
 */
final class Imports extends VoidVisitorAdapter<JavaFile> {
    private static final Pattern FILE_APPENDER =
            Pattern.compile(
                    ".*(FileAppender|RollingFileAppender|FileHandler|DailyRollingFileAppender)$");
    private static final Pattern CONSOLE_APPENDER =
            Pattern.compile(".*(ConsoleAppender|ConsoleHandler)$");

    @Override
    public void visit(ImportDeclaration i, JavaFile f) {
        String name = i.getNameAsString();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        if (name.startsWith("java.rmi")) {
            f.fact(FactKind.LEGACY_REMOTING, "rmi", name, Map.of(), i);
        } else if (name.startsWith("org.omg")) {
            f.fact(FactKind.LEGACY_REMOTING, "corba", name, Map.of(), i);
        } else if (FILE_APPENDER.matcher(name).matches()) {
            f.fact(
                    FactKind.FILE_APPENDER,
                    simple,
                    null,
                    ParseContext.attrs("via", "import", "class", name),
                    i);
        } else if (CONSOLE_APPENDER.matcher(name).matches()) {
            f.fact(
                    FactKind.CONSOLE_APPENDER,
                    simple,
                    null,
                    ParseContext.attrs("via", "import", "class", name),
                    i);
        } else if (name.endsWith("HttpSession")) {
            f.fact(FactKind.HTTP_SESSION, "HttpSession", name, Map.of(), i);
        } else if (name.startsWith("io.micrometer")
                || name.startsWith("io.prometheus")
                || name.startsWith("io.opentelemetry")) {
            f.fact(FactKind.TELEMETRY, name, null, ParseContext.attrs("via", "import"), i);
        }
        super.visit(i, f);
    }
}
