package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives the plan's JSON Schema (draft 2020-12) from the model records themselves, so the
 * published schema ({@code docs/plan.schema.json}) cannot drift from the code: a test regenerates
 * it and compares.
 */
public final class PlanSchema {
    public static final String ID =
            "https://kubelift.io/schemas/v1alpha1/migration-plan.schema.json";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PlanSchema() {}

    public static String generate() {
        Map<String, ObjectNode> defs = new TreeMap<>();
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID);
        root.put("title", "kubelift MigrationPlan " + MigrationPlan.API_VERSION);
        root.put("description", description("MigrationPlan"));
        ObjectNode body = recordSchema(MigrationPlan.class, defs);
        body.fieldNames().forEachRemaining(n -> {});
        root.setAll(body);
        ((ObjectNode) root.get("properties").get("apiVersion"))
                .put("const", MigrationPlan.API_VERSION);
        ((ObjectNode) root.get("properties").get("kind")).put("const", MigrationPlan.KIND);
        ObjectNode d = root.putObject("$defs");
        defs.remove(MigrationPlan.class.getSimpleName());
        defs.forEach(d::set);
        return PlanCodec.toJson(root);
    }

    private static ObjectNode recordSchema(Class<?> type, Map<String, ObjectNode> defs) {
        ObjectNode s = F.objectNode();
        s.put("type", "object");
        s.put("additionalProperties", false);
        ObjectNode props = s.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (RecordComponent rc : ordered(type)) {
            ObjectNode field = typeSchema(rc.getGenericType(), defs);
            ObjectNode described = F.objectNode();
            described.put("description", description(type.getSimpleName() + "." + rc.getName()));
            described.setAll(field);
            props.set(rc.getName(), described);
            JsonProperty jp = rc.getAnnotation(JsonProperty.class);
            if (jp != null && jp.required()) {
                required.add(rc.getName());
            }
        }
        if (!required.isEmpty()) {
            s.set("required", required);
        }
        return s;
    }

    private static void evidenceDef(Map<String, ObjectNode> defs) {
        if (!defs.containsKey("Evidence")) {
            defs.put("Evidence", F.objectNode());
            ObjectNode e = recordSchema(Evidence.class, defs);
            ObjectNode d = F.objectNode();
            d.put("description", description("Evidence"));
            d.setAll(e);
            defs.put("Evidence", d);
        }
    }

    private static final java.util.Properties DESCRIPTIONS = new java.util.Properties();

    static {
        try (var in = PlanSchema.class.getResourceAsStream("plan-fields.properties")) {
            DESCRIPTIONS.load(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException(
                    "plan-fields.properties is missing from kubelift-model", e);
        }
    }

    /** The description of a plan field ({@code Type.field}); every field has one. */
    static String description(String key) {
        String d = DESCRIPTIONS.getProperty(key);
        if (d == null || d.isBlank()) {
            throw new IllegalStateException(
                    "no description for plan field " + key + " in plan-fields.properties");
        }
        return d;
    }

    private static List<RecordComponent> ordered(Class<?> type) {
        List<RecordComponent> all = new ArrayList<>(Arrays.asList(type.getRecordComponents()));
        JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
        if (order == null) {
            return all;
        }
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (String n : order.value()) {
            all.stream()
                    .filter(rc -> rc.getName().equals(n))
                    .findFirst()
                    .ifPresent(rc -> byName.put(n, rc));
        }
        all.forEach(rc -> byName.putIfAbsent(rc.getName(), rc));
        return new ArrayList<>(byName.values());
    }

    private static ObjectNode typeSchema(Type t, Map<String, ObjectNode> defs) {
        ObjectNode s = F.objectNode();
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                s.put("type", "array");
                s.set("items", typeSchema(p.getActualTypeArguments()[0], defs));
                return s;
            }
            if (Map.class.isAssignableFrom(raw)) {
                s.put("type", "object");
                s.set("additionalProperties", typeSchema(p.getActualTypeArguments()[1], defs));
                return s;
            }
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) {
            s.put("type", "string");
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            s.put("type", "integer");
        } else if (c == boolean.class || c == Boolean.class) {
            s.put("type", "boolean");
        } else if (c.isEnum()) {
            s.put("type", "string");
            ArrayNode values = s.putArray("enum");
            for (Object e : c.getEnumConstants()) {
                values.add(((Enum<?>) e).name());
            }
        } else if (c == Evidence.class) {
            // a plan writes evidence as one 'file:line | text' line, or as the object with
            // --evidence full
            evidenceDef(defs);
            ArrayNode any = s.putArray("anyOf");
            any.addObject().put("type", "string").put("description", "file:line | text");
            any.addObject().put("$ref", "#/$defs/Evidence");
        } else if (c.isRecord()) {
            String name = c.getSimpleName();
            if (!defs.containsKey(name)) {
                defs.put(name, F.objectNode()); // placeholder breaks cycles
                defs.put(name, recordSchema(c, defs));
            }
            s.put("$ref", "#/$defs/" + name);
        } else {
            throw new IllegalStateException("no schema mapping for " + c);
        }
        return s;
    }
}
