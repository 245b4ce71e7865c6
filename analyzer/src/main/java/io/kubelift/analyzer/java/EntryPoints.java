package io.kubelift.analyzer.java;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.visitor.VoidVisitorAdapter;
import io.kubelift.analyzer.parse.ParseContext;
import io.kubelift.model.FactKind;
import java.util.Map;

/**
 * How the code is started and reached: {@code public static void main(String[])}, framework entry
 * annotations (Spring Boot), servlet components and API annotations (JAX-RS, JAX-WS, Spring MVC).
 */
final class EntryPoints extends VoidVisitorAdapter<JavaFile> {

    @Override
    public void visit(ClassOrInterfaceDeclaration c, JavaFile f) {
        String fqcn = c.getFullyQualifiedName().orElse(f.packagePrefix() + c.getNameAsString());
        for (MethodDeclaration m : c.getMethods()) {
            if (m.getNameAsString().equals("main")
                    && m.isStatic()
                    && m.isPublic()
                    && m.getParameters().size() == 1) {
                f.fact(FactKind.MAIN_CLASS, fqcn, null, ParseContext.attrs("via", "source"), m);
            }
        }
        for (AnnotationExpr a : c.getAnnotations()) {
            annotation(a, fqcn, f);
        }
        super.visit(c, f);
    }

    private static void annotation(AnnotationExpr a, String fqcn, JavaFile f) {
        // the simple name, also for @org.springframework.boot.autoconfigure.SpringBootApplication
        String n = a.getName().getIdentifier();
        switch (n) {
            case "SpringBootApplication", "EnableAutoConfiguration" ->
                    f.fact(
                            FactKind.MAIN_CLASS,
                            fqcn,
                            null,
                            ParseContext.attrs(
                                    "via", "source", "framework", "spring-boot", "annotation", n),
                            a);
            case "WebServlet", "WebFilter", "WebListener" ->
                    f.fact(FactKind.WEB_DESCRIPTOR, n, fqcn, Map.of(), a);
            case "RestController", "Path", "WebService" ->
                    f.fact(
                            FactKind.API_DESCRIPTION,
                            n,
                            fqcn,
                            ParseContext.attrs("via", "annotation"),
                            a);
            default -> {}
        }
    }
}
