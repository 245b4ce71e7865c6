package io.kubelift.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.visitor.VoidVisitorAdapter;
import io.kubelift.analyzer.parse.ParseContext;
import io.kubelift.model.FactKind;
import java.util.Map;
import java.util.Set;

/**
 * State the code keeps in its own process or disk: files it writes (java.io writers and streams,
 * NIO {@code Files.write…}) and HTTP sessions it opens.
 */
final class LocalState extends VoidVisitorAdapter<JavaFile> {
    private static final Set<String> FILE_WRITERS =
            Set.of(
                    "FileWriter",
                    "FileOutputStream",
                    "RandomAccessFile",
                    "PrintWriter",
                    "PrintStream");
    private static final Set<String> FILES_WRITES =
            Set.of("write", "writeString", "newBufferedWriter", "newOutputStream", "createFile");

    @Override
    public void visit(MethodCallExpr call, JavaFile f) {
        String name = call.getNameAsString();
        if (FILES_WRITES.contains(name) && JavaFile.scope(call).endsWith("Files")) {
            f.fact(
                    FactKind.FILE_WRITE,
                    call.getArguments().isEmpty() ? "?" : call.getArgument(0).toString(),
                    null,
                    ParseContext.attrs("via", "Files." + name),
                    call);
        } else if (name.equals("getSession")) {
            f.fact(FactKind.HTTP_SESSION, "getSession", null, Map.of(), call);
        }
        super.visit(call, f);
    }

    @Override
    public void visit(ObjectCreationExpr n, JavaFile f) {
        String type = n.getType().getNameAsString();
        if (FILE_WRITERS.contains(type) && !n.getArguments().isEmpty()) {
            Expression target = n.getArgument(0);
            // a literal path, new File(…), or a variable (not for Print*, whose variable is
            // usually another stream)
            if (target.isStringLiteralExpr()
                    || target.isObjectCreationExpr()
                            && target.asObjectCreationExpr()
                                    .getType()
                                    .getNameAsString()
                                    .equals("File")
                    || target.isNameExpr() && !type.startsWith("Print")) {
                f.fact(
                        FactKind.FILE_WRITE,
                        target.toString(),
                        null,
                        ParseContext.attrs("via", "new " + type),
                        n);
            }
        }
        super.visit(n, f);
    }
}
