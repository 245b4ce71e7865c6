package io.kubelift.analyzer.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.kubelift.model.FactKind;
import io.kubelift.model.Problem;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * JSON config files, streamed (never built into a tree) and flattened to dotted keys; nesting is
 * capped.
 */
final class JsonParser implements FileParser {
    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNestingDepth(YamlParser.MAX_DEPTH)
                                    .maxStringLength(1 << 20)
                                    .build())
                    .build();

    @Override
    public String id() {
        return "json";
    }

    @Override
    public String configFormat() {
        return "json";
    }

    @Override
    public boolean accepts(SourceFile f) {
        String n = f.lowerName();
        return n.endsWith(".json") && !n.equals("package-lock.json");
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        Deque<String> path = new ArrayDeque<>();
        Deque<Integer> index = new ArrayDeque<>();
        try (com.fasterxml.jackson.core.JsonParser p = FACTORY.createParser(f.text())) {
            JsonToken t;
            String field = null;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> field = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        path.push(name(path, index, field));
                        index.push(t == JsonToken.START_ARRAY ? 0 : -1);
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                        index.pop();
                        bump(index);
                    }
                    default -> {
                        String key = name(path, index, field);
                        if (!key.isEmpty()) {
                            ctx.config(
                                    f,
                                    new ConfigEntry(
                                            f.path(),
                                            "json",
                                            key,
                                            p.getValueAsString(""),
                                            p.currentTokenLocation().getLineNr()));
                        }
                        field = null;
                        bump(index);
                    }
                }
            }
            if (f.text().contains("\"openapi\"") || f.text().contains("\"swagger\"")) {
                ctx.fact(FactKind.API_DESCRIPTION, "openapi", f, 1);
            }
        } catch (java.io.IOException | RuntimeException e) {
            String msg =
                    e.getMessage() == null
                            ? e.getClass().getSimpleName()
                            : e.getMessage().lines().findFirst().orElse("");
            ctx.problem(Problem.Kind.PARSE_ERROR, f, 0, "JSON refused or malformed: " + msg);
        }
    }

    private static void bump(Deque<Integer> index) {
        if (!index.isEmpty() && index.peek() >= 0) {
            index.push(index.pop() + 1);
        }
    }

    private static String name(Deque<String> path, Deque<Integer> index, String field) {
        String parent = path.isEmpty() ? "" : path.peek();
        if (!index.isEmpty() && index.peek() >= 0) {
            return parent + "[" + index.peek() + "]";
        }
        if (field == null) {
            return parent;
        }
        return parent.isEmpty() ? field : parent + "." + field;
    }
}
