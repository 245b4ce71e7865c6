package io.kubelift.analyzer.java;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.visitor.VoidVisitorAdapter;
import io.kubelift.model.FactKind;
import java.util.Map;

/**
 * Code that ties the process to its host or to remote objects: {@code native} methods and {@code
 * System.loadLibrary}/{@code load} (JNI), and an RMI registry created in the process.
 */
final class NativeAndRemoting extends VoidVisitorAdapter<JavaFile> {

    @Override
    public void visit(MethodDeclaration m, JavaFile f) {
        if (m.hasModifier(Modifier.Keyword.NATIVE)) {
            String owner =
                    m.findAncestor(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class)
                            .map(
                                    c ->
                                            c.getFullyQualifiedName()
                                                    .orElse(
                                                            f.packagePrefix()
                                                                    + c.getNameAsString()))
                            .orElse(f.packagePrefix());
            f.fact(FactKind.LEGACY_REMOTING, "jni", owner + "." + m.getNameAsString(), Map.of(), m);
        }
        super.visit(m, f);
    }

    @Override
    public void visit(MethodCallExpr call, JavaFile f) {
        String name = call.getNameAsString();
        if ((name.equals("loadLibrary") || name.equals("load"))
                && JavaFile.scope(call).endsWith("System")) {
            f.fact(FactKind.LEGACY_REMOTING, "jni", JavaFile.firstLiteral(call), Map.of(), call);
        } else if (name.equals("createRegistry")) {
            f.fact(
                    FactKind.LEGACY_REMOTING,
                    "rmi",
                    "LocateRegistry.createRegistry",
                    Map.of(),
                    call);
        }
        super.visit(call, f);
    }
}
