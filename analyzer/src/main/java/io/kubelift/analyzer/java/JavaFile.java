package io.kubelift.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import io.kubelift.analyzer.parse.ParseContext;
import io.kubelift.analyzer.parse.SourceFile;
import io.kubelift.model.FactKind;
import java.util.Map;

/**
 * One parsed Java file as the concern visitors see it: where its facts go, and the small readings
 * of javaparser nodes (line, string and int literals) that every concern needs.
 */
record JavaFile(SourceFile source, ParseContext ctx, String packagePrefix) {

    void fact(FactKind kind, String subject, String value, Map<String, String> attrs, Node at) {
        ctx.fact(kind, subject, value, attrs, source, line(at));
    }

    void fact(FactKind kind, String subject, Node at) {
        ctx.fact(kind, subject, source, line(at));
    }

    static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }

    /** The value of a string literal, or null for any other expression. */
    static String literal(Expression e) {
        return e.isStringLiteralExpr() ? e.asStringLiteralExpr().asString() : null;
    }

    /** The value of an int literal, or null for any other expression (or one that overflows). */
    static Integer intLiteral(Expression e) {
        if (e instanceof IntegerLiteralExpr i) {
            try {
                return i.asNumber().intValue();
            } catch (RuntimeException ex) {
                return null;
            }
        }
        return null;
    }

    /** The printed scope of a call ({@code System} in {@code System.getenv(…)}), or "". */
    static String scope(com.github.javaparser.ast.expr.MethodCallExpr call) {
        return call.getScope().map(Node::toString).orElse("");
    }

    /** The first argument when it is a string literal, else null. */
    static String firstLiteral(com.github.javaparser.ast.nodeTypes.NodeWithArguments<?> call) {
        return call.getArguments().isEmpty() ? null : literal(call.getArgument(0));
    }
}
