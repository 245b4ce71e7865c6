package io.kubelift.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads and writes plans (and any model record) as YAML or JSON. Reading is strict: an unknown
 * field, a wrong type or a missing required field fails with {@code plan.yaml:LINE:COL: problem —
 * hint}. Writing is deterministic: fields in declaration order, map keys sorted, no timestamps.
 */
public final class PlanCodec {
    /** Plans are small; anything bigger is not a plan. */
    public static final long MAX_PLAN_BYTES = 8L * 1024 * 1024;

    private static final ObjectMapper YAML =
            configure(
                    YAMLMapper.builder(yamlFactory())
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                            .build());
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());

    /** Evidence as one {@code file:line | text} string (the plan's compact form). */
    private static final ObjectMapper COMPACT_JSON =
            configure(JsonMapper.builder().build())
                    .registerModule(
                            new com.fasterxml.jackson.databind.module.SimpleModule()
                                    .addSerializer(
                                            Evidence.class,
                                            new com.fasterxml.jackson.databind.ser.std
                                                            .StdSerializer<
                                                    Evidence>(Evidence.class) {
                                                @Override
                                                public void serialize(
                                                        Evidence e,
                                                        com.fasterxml.jackson.core.JsonGenerator g,
                                                        com.fasterxml.jackson.databind
                                                                        .SerializerProvider
                                                                p)
                                                        throws IOException {
                                                    g.writeString(e.compact());
                                                }
                                            }));

    private PlanCodec() {}

    private static YAMLFactory yamlFactory() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(50);
        loader.setNestingDepthLimit(100);
        loader.setCodePointLimit((int) MAX_PLAN_BYTES);
        loader.setAllowDuplicateKeys(false);
        YAMLFactory f = YAMLFactory.builder().loaderOptions(loader).build();
        f.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build());
        return f;
    }

    private static ObjectMapper configure(ObjectMapper m) {
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        return m;
    }

    /** The shared YAML mapper (strict reading, deterministic writing). */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** The shared JSON mapper (strict reading, deterministic writing). */
    public static ObjectMapper json() {
        return JSON;
    }

    public static String toYaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new KubeliftException(
                    KubeliftException.Kind.INTERNAL,
                    "cannot write YAML: " + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * Where a plan file's editor finds the schema: kubelift writes it beside every plan it writes
     * to disk.
     */
    public static final String SCHEMA_FILE = ".kubelift/plan.schema.json";

    /** Long text is written as a folded block scalar from this length on. */
    static final int BLOCK_FROM = 80;

    /**
     * A plan as people read and edit it: a {@code # yaml-language-server: $schema=…} first line
     * (editors then complete and check fields), evidence as one {@code file:line | text} line per
     * fact unless {@code fullEvidence}, and long or multi-line text as block scalars instead of
     * quoted strings folded with {@code \} escapes. It reads back to the same plan.
     *
     * @param schemaRef the schema's location relative to the plan file ({@link #SCHEMA_FILE}) or a
     *     URL
     */
    public static String toPlanYaml(MigrationPlan plan, String schemaRef, boolean fullEvidence) {
        ObjectMapper m = fullEvidence ? JSON : COMPACT_JSON;
        Object tree = m.convertValue(plan, Object.class);
        org.yaml.snakeyaml.DumperOptions o = new org.yaml.snakeyaml.DumperOptions();
        o.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        o.setWidth(110);
        o.setLineBreak(org.yaml.snakeyaml.DumperOptions.LineBreak.UNIX);
        String body = new org.yaml.snakeyaml.Yaml(new PlanRepresenter(o), o).dump(tree);
        return "# yaml-language-server: $schema=" + schemaRef + "\n" + body;
    }

    /**
     * Strings: long ones folded ({@code >-}), multi-line ones literal ({@code |}); the rest as
     * SnakeYAML decides.
     */
    private static final class PlanRepresenter extends org.yaml.snakeyaml.representer.Representer {
        PlanRepresenter(org.yaml.snakeyaml.DumperOptions o) {
            super(o);
            this.representers.put(
                    String.class,
                    data -> {
                        String s = (String) data;
                        org.yaml.snakeyaml.DumperOptions.ScalarStyle style =
                                s.contains("\n")
                                        ? org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL
                                        : s.length() >= BLOCK_FROM && s.contains(" ")
                                                ? org.yaml.snakeyaml.DumperOptions.ScalarStyle
                                                        .FOLDED
                                                : null;
                        if (style == null) {
                            return representScalar(org.yaml.snakeyaml.nodes.Tag.STR, s);
                        }
                        return representScalar(org.yaml.snakeyaml.nodes.Tag.STR, s, style);
                    });
        }
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new KubeliftException(
                    KubeliftException.Kind.INTERNAL,
                    "cannot write JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    /** Reads a plan from a {@code .yaml}/{@code .yml} or {@code .json} file. */
    public static MigrationPlan read(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw KubeliftException.badInput(
                        file.toString(),
                        "is a directory, not a plan file",
                        "pass the plan.yaml that 'kubelift analyze' wrote");
            }
            if (Files.size(file) > MAX_PLAN_BYTES) {
                throw KubeliftException.badInput(
                        file.toString(),
                        "is larger than "
                                + MAX_PLAN_BYTES / (1024 * 1024)
                                + " MiB, too large for a plan",
                        "pass the plan.yaml that 'kubelift analyze' wrote");
            }
            if (!Files.isRegularFile(file)) {
                // a device or FIFO (/dev/zero, /dev/stdin) reports size 0 and never ends: refused
                // before reading
                throw KubeliftException.badInput(
                        file.toString(),
                        "is not a regular file",
                        "pass the plan.yaml that 'kubelift analyze' wrote");
            }
            byte[] bytes;
            try (var in = Files.newInputStream(file)) {
                bytes =
                        in.readNBytes(
                                (int) MAX_PLAN_BYTES
                                        + 1); // bounded even if the file grows while it is read
            }
            if (bytes.length > MAX_PLAN_BYTES) {
                throw KubeliftException.badInput(
                        file.toString(),
                        "is larger than "
                                + MAX_PLAN_BYTES / (1024 * 1024)
                                + " MiB, too large for a plan",
                        "pass the plan.yaml that 'kubelift analyze' wrote");
            }
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(bytes))
                            .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw KubeliftException.badInput(
                    file.toString(), "is not UTF-8 text", "a plan is a UTF-8 YAML or JSON file");
        } catch (NoSuchFileException e) {
            throw KubeliftException.badInput(
                    file.toString(),
                    "no such file",
                    "run 'kubelift analyze APP -o " + file + "' first");
        } catch (IOException e) {
            throw KubeliftException.badInput(
                    file.toString(), "cannot be read: " + e.getMessage(), null);
        }
        String name = file.getFileName() == null ? file.toString() : file.toString();
        return read(text, name, name.endsWith(".json"));
    }

    /** Reads a plan from text; {@code name} is used in error messages. */
    public static MigrationPlan read(String text, String name, boolean json) {
        return read(text, name, json, MigrationPlan.class);
    }

    /** Reads any model record strictly, with {@code name:line:col} errors. */
    public static <T> T read(String text, String name, boolean json, Class<T> type) {
        if (text.isBlank()) {
            throw KubeliftException.badInput(
                    name,
                    "is empty",
                    "a plan starts with 'apiVersion: " + MigrationPlan.API_VERSION + "'");
        }
        try {
            T value = (json ? JSON : YAML).readValue(text, type);
            if (value == null) {
                throw KubeliftException.badInput(name, "holds no document", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            org.yaml.snakeyaml.error.MarkedYAMLException syntax = yamlSyntaxError(e);
            if (syntax != null && syntax.getProblemMark() != null) {
                // A YAML syntax error: the line SnakeYAML found wrong, not the start of the
                // enclosing block.
                var mark = syntax.getProblemMark();
                String context =
                        syntax.getContext() == null ? "" : " (" + syntax.getContext() + ")";
                throw KubeliftException.badInput(
                        name + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1),
                        "YAML syntax error: " + firstLine(syntax.getProblem()) + context,
                        "check the indentation and the ':' '-' '[' ']' of this line and the one above");
            }
            JsonLocation where = e.getLocation();
            if (e instanceof JsonMappingException m) {
                List<JsonMappingException.Reference> path = new ArrayList<>(m.getPath());
                if (m instanceof ValueInstantiationException
                        && m.getCause() instanceof InvalidFieldException f) {
                    // the constructor named the field it refused: point at that line
                    path.add(new JsonMappingException.Reference(null, f.field()));
                }
                JsonLocation exact = path.isEmpty() ? null : locate(text, json, path);
                where = exact != null ? exact : where;
            }
            throw KubeliftException.badInput(
                    location(name, where),
                    describe(e),
                    "see docs/plan-format.md for the fields of a plan");
        } catch (RuntimeException e) {
            if (e instanceof KubeliftException k) {
                throw k;
            }
            // SnakeYAML limits (alias bombs, nesting) surface as unchecked exceptions.
            throw KubeliftException.badInput(
                    name,
                    "is not a valid plan: " + firstLine(e.getMessage()),
                    "see docs/plan-format.md");
        }
    }

    /**
     * Finds where the value at {@code path} starts by streaming the document again: Jackson reports
     * record errors at the end of the enclosing object, which is not where the user has to look.
     */
    static JsonLocation locate(
            String text, boolean json, List<JsonMappingException.Reference> path) {
        try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
            List<Object> stack = new ArrayList<>();
            List<Object> target = new ArrayList<>();
            for (JsonMappingException.Reference r : path) {
                target.add(r.getFieldName() != null ? r.getFieldName() : (Object) r.getIndex());
            }
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    stack.set(stack.size() - 1, p.currentName());
                    if (stack.equals(target)) {
                        return p.currentTokenLocation();
                    }
                    continue;
                }
                if (!stack.isEmpty() && stack.get(stack.size() - 1) instanceof Integer i) {
                    if (t != JsonToken.END_ARRAY) {
                        stack.set(stack.size() - 1, i + 1);
                        if (stack.equals(target)) {
                            return p.currentTokenLocation();
                        }
                    }
                }
                if (t == JsonToken.START_OBJECT) {
                    stack.add("");
                } else if (t == JsonToken.START_ARRAY) {
                    stack.add(-1);
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.remove(stack.size() - 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static org.yaml.snakeyaml.error.MarkedYAMLException yamlSyntaxError(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }

    private static String location(String name, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return name;
        }
        return name + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known =
                    u.getKnownPropertyIds() == null
                            ? ""
                            : u.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .sorted()
                                    .collect(Collectors.joining(", "));
            return "unknown field '"
                    + u.getPropertyName()
                    + "'"
                    + path(u)
                    + (known.isEmpty() ? "" : " (known: " + known + ")");
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return firstLine(v.getCause().getMessage()) + path(v);
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                && m.getTargetType() != null
                && !m.getPath().isEmpty()) {
            return "wrong type" + path(m) + ": expected " + typeName(m.getTargetType());
        }
        if (e instanceof JsonMappingException m) {
            return firstLine(m.getOriginalMessage()) + path(m);
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "" : " at " + sb;
    }

    private static String typeName(Class<?> t) {
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "a whole number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(t)) {
            return "a list";
        }
        if (t.isEnum()) {
            return "one of " + java.util.Arrays.toString(t.getEnumConstants());
        }
        return "a mapping (" + t.getSimpleName() + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.replace("(for Object starting at", "").strip();
    }
}
