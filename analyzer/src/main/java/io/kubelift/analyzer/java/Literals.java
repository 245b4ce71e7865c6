package io.kubelift.analyzer.java;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.visitor.VoidVisitorAdapter;
import io.kubelift.analyzer.parse.HostRules;
import io.kubelift.analyzer.parse.ParseContext;
import io.kubelift.analyzer.parse.SecretRules;
import io.kubelift.model.FactKind;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the code hard-codes in literals: credentials (a sensitive variable name with a string value,
 * or a value that is a credential by its form), and hosts (URLs, {@code host:port}, IPv4 addresses,
 * dotted names passed to a constructor or call, {@code new Socket("host", port)}). Secret values go
 * to the sink's secret side only, never into a fact.
 */
final class Literals extends VoidVisitorAdapter<JavaFile> {
    private static final Pattern IPV4_LITERAL = Pattern.compile("(?i)(\\d{1,3}\\.){3}\\d{1,3}");
    private static final Pattern DOTTED_NAME_LITERAL =
            Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+){2,}");

    @Override
    public void visit(VariableDeclarator v, JavaFile f) {
        v.getInitializer()
                .filter(Expression::isStringLiteralExpr)
                .ifPresent(init -> credentialVariable(v, init.asStringLiteralExpr().asString(), f));
        super.visit(v, f);
    }

    private static void credentialVariable(VariableDeclarator v, String value, JavaFile f) {
        String owner =
                v.findAncestor(FieldDeclaration.class).isPresent()
                        ? v.findAncestor(ClassOrInterfaceDeclaration.class)
                                .map(c -> c.getNameAsString() + ".")
                                .orElse("")
                        : "";
        SecretRules.keyKind(v.getNameAsString(), value)
                .ifPresent(
                        kind ->
                                f.ctx()
                                        .sink()
                                        .secret(
                                                owner + v.getNameAsString(),
                                                kind,
                                                value,
                                                f.ctx().ev(f.source(), JavaFile.line(v)),
                                                Map.of("format", "java")));
    }

    @Override
    public void visit(StringLiteralExpr s, JavaFile f) {
        String value = s.asString();
        int line = JavaFile.line(s);
        SecretRules.valueKind(value)
                .ifPresent(
                        kind ->
                                f.ctx()
                                        .sink()
                                        .secret(
                                                f.source().name() + ":" + line,
                                                kind,
                                                value,
                                                f.ctx().ev(f.source(), line),
                                                Map.of("format", "java")));
        var hosts = HostRules.find(null, value);
        for (HostRules.HostRef h : hosts) {
            f.fact(
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
                    s);
        }
        if (hosts.isEmpty() && isBareHost(s, value)) {
            f.fact(FactKind.HOST_REFERENCE, value, null, ParseContext.attrs("via", "literal"), s);
        }
        super.visit(s, f);
    }

    /** An IPv4 literal anywhere, or a dotted host name handed straight to a constructor or call. */
    private static boolean isBareHost(StringLiteralExpr s, String value) {
        if (IPV4_LITERAL.matcher(value).matches() && HostRules.isHost(value)) {
            return true;
        }
        return DOTTED_NAME_LITERAL.matcher(value).matches()
                && HostRules.isHost(value)
                && s.getParentNode()
                        .filter(p -> p instanceof ObjectCreationExpr || p instanceof MethodCallExpr)
                        .isPresent();
    }

    @Override
    public void visit(ObjectCreationExpr n, JavaFile f) {
        if (n.getType().getNameAsString().equals("Socket") && n.getArguments().size() == 2) {
            String host = JavaFile.literal(n.getArgument(0));
            if (host != null && HostRules.isHost(host)) {
                Integer port = JavaFile.intLiteral(n.getArgument(1));
                f.fact(
                        FactKind.HOST_REFERENCE,
                        host,
                        null,
                        ParseContext.attrs(
                                "via", "new Socket", "port", port == null ? null : port.toString()),
                        n);
            }
        }
        super.visit(n, f);
    }
}
