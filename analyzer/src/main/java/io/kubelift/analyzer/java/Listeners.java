package io.kubelift.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.visitor.VoidVisitorAdapter;
import io.kubelift.analyzer.parse.ParseContext;
import io.kubelift.model.FactKind;
import java.util.Objects;
import java.util.Set;

/**
 * Ports the code listens on with a literal number: {@code new ServerSocket(8080)}, Jetty's {@code
 * new Server(8080)}, NIO {@code ServerSocketChannel}, {@code HttpServer.create(new
 * InetSocketAddress(8080), …)}, and Netty/Vert.x style {@code bind(…)}/{@code listen(…)}.
 */
final class Listeners extends VoidVisitorAdapter<JavaFile> {
    private static final Set<String> SERVER_TYPES =
            Set.of("ServerSocket", "Server", "ServerSocketChannel");

    @Override
    public void visit(MethodCallExpr call, JavaFile f) {
        String name = call.getNameAsString();
        if ((name.equals("bind") || name.equals("listen")) && !call.getArguments().isEmpty()) {
            String scope = JavaFile.scope(call);
            // bind(port) or bind(host, port)
            Integer port =
                    JavaFile.intLiteral(call.getArgument(call.getArguments().size() == 2 ? 1 : 0));
            if (port != null) {
                listens(port, scope.isEmpty() ? name : scope + "." + name, call, f);
            }
        } else if (name.equals("create") && isHttpServer(JavaFile.scope(call))) {
            call.getArguments().stream()
                    .filter(Expression::isObjectCreationExpr)
                    .findFirst()
                    .flatMap(
                            address ->
                                    address.asObjectCreationExpr().getArguments().stream()
                                            .map(JavaFile::intLiteral)
                                            .filter(Objects::nonNull)
                                            .findFirst())
                    .ifPresent(port -> listens(port, "HttpServer.create", call, f));
        }
        super.visit(call, f);
    }

    @Override
    public void visit(ObjectCreationExpr n, JavaFile f) {
        String type = n.getType().getNameAsString();
        if (SERVER_TYPES.contains(type) && !n.getArguments().isEmpty()) {
            Integer port = JavaFile.intLiteral(n.getArgument(0));
            if (port != null && port > 0) {
                listens(port, "new " + type, n, f);
            }
        }
        super.visit(n, f);
    }

    private static boolean isHttpServer(String scope) {
        return scope.endsWith("HttpServer") || scope.endsWith("HttpsServer");
    }

    private static void listens(
            int port, String via, com.github.javaparser.ast.Node at, JavaFile f) {
        f.fact(
                FactKind.LISTEN_PORT,
                Integer.toString(port),
                null,
                ParseContext.attrs("via", via),
                at);
    }
}
