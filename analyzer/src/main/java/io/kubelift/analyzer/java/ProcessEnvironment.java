package io.kubelift.analyzer.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.visitor.VoidVisitorAdapter;
import io.kubelift.analyzer.parse.ParseContext;
import io.kubelift.model.FactKind;
import java.util.Map;

/**
 * How the code talks to its process: environment variables and system properties it reads (config
 * that can come from the pod), and {@code System.exit}/{@code Runtime.halt}.
 */
final class ProcessEnvironment extends VoidVisitorAdapter<JavaFile> {

    @Override
    public void visit(MethodCallExpr call, JavaFile f) {
        String name = call.getNameAsString();
        switch (name) {
            case "getenv" -> {
                if (JavaFile.scope(call).endsWith("System")) {
                    String var = JavaFile.firstLiteral(call);
                    f.fact(
                            FactKind.ENV_READ,
                            var == null ? "(all)" : var,
                            null,
                            ParseContext.attrs("via", "System.getenv"),
                            call);
                }
            }
            case "getProperty", "getInteger", "getLong", "getBoolean" -> {
                String scope = JavaFile.scope(call);
                if (scope.endsWith("System")
                        || scope.endsWith("Integer") && name.equals("getInteger")
                        || scope.endsWith("Long")
                        || scope.endsWith("Boolean")) {
                    String property = JavaFile.firstLiteral(call);
                    f.fact(
                            FactKind.SYSTEM_PROPERTY_READ,
                            property == null ? "(dynamic)" : property,
                            null,
                            Map.of(),
                            call);
                }
            }
            case "exit", "halt" -> {
                String scope = JavaFile.scope(call);
                if (scope.endsWith("System") || scope.contains("Runtime")) {
                    f.fact(FactKind.SYSTEM_EXIT, scope + "." + name, call);
                }
            }
            default -> {}
        }
        super.visit(call, f);
    }
}
