package io.kubelift.analyzer.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.kubelift.analyzer.parse.FileParser;
import io.kubelift.analyzer.parse.HostRules;
import io.kubelift.analyzer.parse.ParseContext;
import io.kubelift.analyzer.parse.SecretRules;
import io.kubelift.analyzer.parse.SourceFile;
import io.kubelift.model.FactKind;
import io.kubelift.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Java sources, parsed once each with one shared javaparser configuration: main methods and
 * framework entry annotations, listeners and their ports (ServerSocket, HttpServer, Jetty Server,
 * Netty/Vert.x bind), environment and system property reads, file writes, System.exit,
 * RMI/CORBA/JNI, HTTP sessions, logging appenders by import, hard-coded hosts and credentials in
 * literals. Parse failures become problems with the line of the first error.
 */
public final class JavaSourceParser implements FileParser {
    private static final ParserConfiguration CONFIG =
            new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                    .setAttributeComments(false)
                    .setStoreTokens(
                            true); // node ranges (evidence lines) are computed from the tokens
    private static final AtomicLong PARSES = new AtomicLong();
    private static final Set<String> FILE_WRITERS =
            Set.of(
                    "FileWriter",
                    "FileOutputStream",
                    "RandomAccessFile",
                    "PrintWriter",
                    "PrintStream");

    /**
     * Method names {@link #call} looks at; other calls (nearly all) are skipped before their scope
     * is printed.
     */
    private static final Set<String> CALLS =
            Set.of(
                    "getenv",
                    "getProperty",
                    "getInteger",
                    "getLong",
                    "getBoolean",
                    "exit",
                    "halt",
                    "loadLibrary",
                    "load",
                    "write",
                    "writeString",
                    "newBufferedWriter",
                    "newOutputStream",
                    "createFile",
                    "getSession",
                    "bind",
                    "listen",
                    "create",
                    "createRegistry");

    private static final Pattern FILE_APPENDER =
            Pattern.compile(
                    ".*(FileAppender|RollingFileAppender|FileHandler|DailyRollingFileAppender)$");
    private static final Pattern CONSOLE_APPENDER =
            Pattern.compile(".*(ConsoleAppender|ConsoleHandler)$");
    private static final Pattern IPV4_LITERAL = Pattern.compile("(?i)(\\d{1,3}\\.){3}\\d{1,3}");
    private static final Pattern DOTTED_NAME_LITERAL =
            Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+){2,}");
    private final JavaParser parser = new JavaParser(CONFIG);

    /**
     * The javaparser configuration every Java file is parsed with (shared; the benchmarks' bare
     * parse uses it too).
     */
    public static ParserConfiguration configuration() {
        return CONFIG;
    }

    /** How many Java files this JVM has parsed (for the parse-once test and measurements). */
    public static long parseCount() {
        return PARSES.get();
    }

    @Override
    public String id() {
        return "java";
    }

    @Override
    public boolean accepts(SourceFile f) {
        return f.lowerName().endsWith(".java");
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        PARSES.incrementAndGet();
        ParseResult<CompilationUnit> r;
        try {
            r = parser.parse(f.text());
        } catch (RuntimeException | StackOverflowError e) {
            ctx.problem(
                    Problem.Kind.PARSE_ERROR,
                    f,
                    0,
                    "Java source could not be parsed: " + e.getClass().getSimpleName());
            return;
        }
        if (!r.isSuccessful() || r.getResult().isEmpty()) {
            var p = r.getProblems().isEmpty() ? null : r.getProblems().get(0);
            int line =
                    p == null
                            ? 0
                            : p.getLocation()
                                    .flatMap(l -> l.getBegin().getRange())
                                    .map(rg -> rg.begin.line)
                                    .orElse(0);
            String msg =
                    p == null ? "unknown error" : p.getMessage().lines().findFirst().orElse("");
            ctx.problem(
                    Problem.Kind.PARSE_ERROR,
                    f,
                    line,
                    "Java source could not be parsed: "
                            + (msg.length() > 160 ? msg.substring(0, 160) + "…" : msg));
            return;
        }
        CompilationUnit cu = r.getResult().get();
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        for (ImportDeclaration i : cu.getImports()) {
            imports(i.getNameAsString(), f, ctx, line(i));
        }
        for (ClassOrInterfaceDeclaration c : cu.findAll(ClassOrInterfaceDeclaration.class)) {
            String fqcn = c.getFullyQualifiedName().orElse(pkg + c.getNameAsString());
            for (MethodDeclaration m : c.getMethods()) {
                if (m.getNameAsString().equals("main")
                        && m.isStatic()
                        && m.isPublic()
                        && m.getParameters().size() == 1) {
                    ctx.fact(
                            FactKind.MAIN_CLASS,
                            fqcn,
                            null,
                            ParseContext.attrs("via", "source"),
                            f,
                            line(m));
                }
                if (m.hasModifier(Modifier.Keyword.NATIVE)) {
                    ctx.fact(
                            FactKind.LEGACY_REMOTING,
                            "jni",
                            fqcn + "." + m.getNameAsString(),
                            Map.of(),
                            f,
                            line(m));
                }
            }
            for (AnnotationExpr a : c.getAnnotations()) {
                String n = a.getName().getIdentifier(); // simple name, also for
                // @org.springframework...SpringBootApplication
                switch (n) {
                    case "SpringBootApplication", "EnableAutoConfiguration" ->
                            ctx.fact(
                                    FactKind.MAIN_CLASS,
                                    fqcn,
                                    null,
                                    ParseContext.attrs(
                                            "via",
                                            "source",
                                            "framework",
                                            "spring-boot",
                                            "annotation",
                                            n),
                                    f,
                                    line(a));
                    case "WebServlet", "WebFilter", "WebListener" ->
                            ctx.fact(FactKind.WEB_DESCRIPTOR, n, fqcn, Map.of(), f, line(a));
                    case "RestController", "Path", "WebService" ->
                            ctx.fact(
                                    FactKind.API_DESCRIPTION,
                                    n,
                                    fqcn,
                                    ParseContext.attrs("via", "annotation"),
                                    f,
                                    line(a));
                    default -> {}
                }
            }
        }
        // One pre-order walk collects what used to take four findAll walks, in the same order.
        List<MethodCallExpr> calls = new ArrayList<>();
        List<ObjectCreationExpr> creations = new ArrayList<>();
        List<VariableDeclarator> variables = new ArrayList<>();
        List<StringLiteralExpr> strings = new ArrayList<>();
        cu.walk(
                node -> {
                    if (node instanceof MethodCallExpr m) {
                        calls.add(m);
                    } else if (node instanceof ObjectCreationExpr o) {
                        creations.add(o);
                    } else if (node instanceof VariableDeclarator v) {
                        variables.add(v);
                    } else if (node instanceof StringLiteralExpr sl) {
                        strings.add(sl);
                    }
                });
        for (MethodCallExpr call : calls) {
            call(call, f, ctx);
        }
        for (ObjectCreationExpr n : creations) {
            creation(n, f, ctx);
        }
        for (VariableDeclarator v : variables) {
            v.getInitializer()
                    .filter(Expression::isStringLiteralExpr)
                    .ifPresent(
                            init -> {
                                String value = init.asStringLiteralExpr().asString();
                                String owner =
                                        v.findAncestor(FieldDeclaration.class).isPresent()
                                                ? v.findAncestor(ClassOrInterfaceDeclaration.class)
                                                        .map(c -> c.getNameAsString() + ".")
                                                        .orElse("")
                                                : "";
                                SecretRules.keyKind(v.getNameAsString(), value)
                                        .ifPresent(
                                                kind ->
                                                        ctx.sink()
                                                                .secret(
                                                                        owner + v.getNameAsString(),
                                                                        kind,
                                                                        value,
                                                                        ctx.ev(f, line(v)),
                                                                        Map.of("format", "java")));
                            });
        }
        for (StringLiteralExpr s : strings) {
            String value = s.asString();
            SecretRules.valueKind(value)
                    .ifPresent(
                            kind ->
                                    ctx.sink()
                                            .secret(
                                                    f.name() + ":" + line(s),
                                                    kind,
                                                    value,
                                                    ctx.ev(f, line(s)),
                                                    Map.of("format", "java")));
            for (HostRules.HostRef h : HostRules.find(null, value)) {
                ctx.fact(
                        FactKind.HOST_REFERENCE,
                        h.host(),
                        null,
                        ParseContext.attrs(
                                "port",
                                h.port() > 0 ? Integer.toString(h.port()) : null,
                                "via",
                                "literal",
                                "loopback",
                                HostRules.isLoopback(h.host()) ? "true" : null),
                        f,
                        line(s));
            }
            if (IPV4_LITERAL.matcher(value).matches() && HostRules.isHost(value)
                    || DOTTED_NAME_LITERAL.matcher(value).matches()
                            && HostRules.isHost(value)
                            && s.getParentNode()
                                    .filter(
                                            p ->
                                                    p instanceof ObjectCreationExpr
                                                            || p instanceof MethodCallExpr)
                                    .isPresent()) {
                if (HostRules.find(null, value).isEmpty()) {
                    ctx.fact(
                            FactKind.HOST_REFERENCE,
                            value,
                            null,
                            ParseContext.attrs("via", "literal"),
                            f,
                            line(s));
                }
            }
        }
    }

    private static void imports(String name, SourceFile f, ParseContext ctx, int line) {
        if (name.startsWith("java.rmi")) {
            ctx.fact(FactKind.LEGACY_REMOTING, "rmi", name, Map.of(), f, line);
        } else if (name.startsWith("org.omg")) {
            ctx.fact(FactKind.LEGACY_REMOTING, "corba", name, Map.of(), f, line);
        } else if (FILE_APPENDER.matcher(name).matches()) {
            ctx.fact(
                    FactKind.FILE_APPENDER,
                    name.substring(name.lastIndexOf('.') + 1),
                    null,
                    ParseContext.attrs("via", "import", "class", name),
                    f,
                    line);
        } else if (CONSOLE_APPENDER.matcher(name).matches()) {
            ctx.fact(
                    FactKind.CONSOLE_APPENDER,
                    name.substring(name.lastIndexOf('.') + 1),
                    null,
                    ParseContext.attrs("via", "import", "class", name),
                    f,
                    line);
        } else if (name.endsWith("HttpSession")) {
            ctx.fact(FactKind.HTTP_SESSION, "HttpSession", name, Map.of(), f, line);
        } else if (name.startsWith("io.micrometer")
                || name.startsWith("io.prometheus")
                || name.startsWith("io.opentelemetry")) {
            ctx.fact(FactKind.TELEMETRY, name, null, ParseContext.attrs("via", "import"), f, line);
        }
    }

    private static void call(MethodCallExpr call, SourceFile f, ParseContext ctx) {
        String name = call.getNameAsString();
        if (!CALLS.contains(name)) {
            return;
        }
        String scope = call.getScope().map(Node::toString).orElse("");
        String arg0 = call.getArguments().isEmpty() ? null : literal(call.getArgument(0));
        int line = line(call);
        switch (name) {
            case "getenv" -> {
                if (scope.endsWith("System")) {
                    ctx.fact(
                            FactKind.ENV_READ,
                            arg0 == null ? "(all)" : arg0,
                            null,
                            ParseContext.attrs("via", "System.getenv"),
                            f,
                            line);
                }
            }
            case "getProperty", "getInteger", "getLong", "getBoolean" -> {
                if (scope.endsWith("System")
                        || scope.endsWith("Integer") && name.equals("getInteger")
                        || scope.endsWith("Long")
                        || scope.endsWith("Boolean")) {
                    ctx.fact(
                            FactKind.SYSTEM_PROPERTY_READ,
                            arg0 == null ? "(dynamic)" : arg0,
                            null,
                            Map.of(),
                            f,
                            line);
                }
            }
            case "exit", "halt" -> {
                if (scope.endsWith("System") || scope.contains("Runtime")) {
                    ctx.fact(FactKind.SYSTEM_EXIT, scope + "." + name, f, line);
                }
            }
            case "loadLibrary", "load" -> {
                if (scope.endsWith("System")) {
                    ctx.fact(FactKind.LEGACY_REMOTING, "jni", arg0, Map.of(), f, line);
                }
            }
            case "write", "writeString", "newBufferedWriter", "newOutputStream", "createFile" -> {
                if (scope.endsWith("Files")) {
                    ctx.fact(
                            FactKind.FILE_WRITE,
                            call.getArguments().isEmpty() ? "?" : call.getArgument(0).toString(),
                            null,
                            ParseContext.attrs("via", "Files." + name),
                            f,
                            line);
                }
            }
            case "getSession" ->
                    ctx.fact(FactKind.HTTP_SESSION, "getSession", null, Map.of(), f, line);
            case "bind", "listen" -> {
                Integer port =
                        call.getArguments().isEmpty()
                                ? null
                                : intLiteral(
                                        call.getArgument(call.getArguments().size() == 2 ? 1 : 0));
                if (port != null) {
                    ctx.fact(
                            FactKind.LISTEN_PORT,
                            port.toString(),
                            null,
                            ParseContext.attrs("via", scope.isEmpty() ? name : scope + "." + name),
                            f,
                            line);
                }
            }
            case "create" -> {
                if (scope.endsWith("HttpServer") || scope.endsWith("HttpsServer")) {
                    call.getArguments().stream()
                            .filter(Expression::isObjectCreationExpr)
                            .findFirst()
                            .flatMap(
                                    a ->
                                            a.asObjectCreationExpr().getArguments().stream()
                                                    .map(JavaSourceParser::intLiteral)
                                                    .filter(java.util.Objects::nonNull)
                                                    .findFirst())
                            .ifPresent(
                                    p ->
                                            ctx.fact(
                                                    FactKind.LISTEN_PORT,
                                                    p.toString(),
                                                    null,
                                                    ParseContext.attrs("via", "HttpServer.create"),
                                                    f,
                                                    line));
                }
            }
            case "createRegistry" ->
                    ctx.fact(
                            FactKind.LEGACY_REMOTING,
                            "rmi",
                            "LocateRegistry.createRegistry",
                            Map.of(),
                            f,
                            line);
            default -> {}
        }
    }

    private static void creation(ObjectCreationExpr n, SourceFile f, ParseContext ctx) {
        String type = n.getType().getNameAsString();
        int line = line(n);
        if ((type.equals("ServerSocket")
                        || type.equals("Server")
                        || type.equals("ServerSocketChannel"))
                && !n.getArguments().isEmpty()) {
            Integer port = intLiteral(n.getArgument(0));
            if (port != null && port > 0) {
                ctx.fact(
                        FactKind.LISTEN_PORT,
                        port.toString(),
                        null,
                        ParseContext.attrs("via", "new " + type),
                        f,
                        line);
            }
        }
        if (FILE_WRITERS.contains(type) && !n.getArguments().isEmpty()) {
            Expression a = n.getArgument(0);
            if (a.isStringLiteralExpr()
                    || a.isObjectCreationExpr()
                            && a.asObjectCreationExpr().getType().getNameAsString().equals("File")
                    || a.isNameExpr() && !type.startsWith("Print")) {
                ctx.fact(
                        FactKind.FILE_WRITE,
                        a.toString(),
                        null,
                        ParseContext.attrs("via", "new " + type),
                        f,
                        line);
            }
        }
        if (type.equals("Socket") && n.getArguments().size() == 2) {
            String host = literal(n.getArgument(0));
            if (host != null && HostRules.isHost(host)) {
                Integer port = intLiteral(n.getArgument(1));
                ctx.fact(
                        FactKind.HOST_REFERENCE,
                        host,
                        null,
                        ParseContext.attrs(
                                "via", "new Socket", "port", port == null ? null : port.toString()),
                        f,
                        line);
            }
        }
    }

    private static String literal(Expression e) {
        return e.isStringLiteralExpr() ? e.asStringLiteralExpr().asString() : null;
    }

    private static Integer intLiteral(Expression e) {
        if (e instanceof IntegerLiteralExpr i) {
            try {
                return i.asNumber().intValue();
            } catch (RuntimeException ex) {
                return null;
            }
        }
        return null;
    }

    private static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }
}
