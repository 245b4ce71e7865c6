package io.kubelift.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Re-analysis without losing a person's edits ({@code kubelift analyze APP -o plan.yaml --merge}):
 * a three-way merge of the plan as kubelift last wrote it ({@code base}), as the person edited it
 * ({@code ours}) and as the new analysis finds it ({@code theirs}). Where the person changed
 * nothing, the analysis is taken (updated ports, evidence); where the person changed a value,
 * theirs stays. Lists of named items (components, ports, …) are matched by {@code name}: an item
 * the person removed stays removed, one they added stays, one the analysis newly finds is added.
 * Without a base (a plan kubelift did not record), every value the person's plan has wins and the
 * analysis only adds what is missing.
 */
public final class PlanMerge {
    private PlanMerge() {}

    public static MigrationPlan merge(
            MigrationPlan base, MigrationPlan ours, MigrationPlan theirs) {
        var m = PlanCodec.json();
        JsonNode merged =
                merge(
                        base == null ? null : m.valueToTree(base),
                        m.valueToTree(ours),
                        m.valueToTree(theirs));
        try {
            return m.treeToValue(merged, MigrationPlan.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new KubeliftException(
                    KubeliftException.Kind.INTERNAL,
                    "cannot merge the plans: " + e.getMessage(),
                    e);
        }
    }

    static JsonNode merge(JsonNode base, JsonNode ours, JsonNode theirs) {
        if (ours == null) {
            return theirs;
        }
        if (theirs == null) {
            return ours;
        }
        if (ours.isObject() && theirs.isObject()) {
            ObjectNode out = PlanCodec.json().createObjectNode();
            ours.fieldNames()
                    .forEachRemaining(
                            k -> {
                                JsonNode b = base != null && base.isObject() ? base.get(k) : null;
                                if (base != null
                                        && b != null
                                        && !theirs.has(k)
                                        && Objects.equals(b, ours.get(k))) {
                                    return; // the analysis dropped a field the person never touched
                                }
                                out.set(k, merge(b, ours.get(k), theirs.get(k)));
                            });
            theirs.fieldNames()
                    .forEachRemaining(
                            k -> {
                                boolean removedByPerson =
                                        base != null
                                                && base.isObject()
                                                && base.has(k)
                                                && !ours.has(k);
                                if (!ours.has(k) && !removedByPerson) {
                                    out.set(k, theirs.get(k));
                                }
                            });
            return out;
        }
        if (ours.isArray()
                && theirs.isArray()
                && named(ours)
                && named(theirs)
                && (base == null || named(base))) {
            return mergeNamed(base, (ArrayNode) ours, (ArrayNode) theirs);
        }
        if (base == null) {
            return ours;
        }
        return ours.equals(base) ? theirs : ours;
    }

    private static JsonNode mergeNamed(JsonNode base, ArrayNode ours, ArrayNode theirs) {
        Map<String, JsonNode> b = byName(base);
        Map<String, JsonNode> t = byName(theirs);
        ArrayNode out = PlanCodec.json().createArrayNode();
        for (JsonNode o : ours) {
            String n = o.get("name").asText();
            JsonNode fromTheirs = t.get(n);
            if (fromTheirs == null && b.containsKey(n) && o.equals(b.get(n))) {
                continue; // no longer found, and the person did not touch it
            }
            out.add(merge(b.get(n), o, fromTheirs));
        }
        Map<String, JsonNode> o = byName(ours);
        for (JsonNode x : theirs) {
            String n = x.get("name").asText();
            if (!o.containsKey(n) && !(base != null && b.containsKey(n))) {
                out.add(x); // newly found; an item in the base but not in ours was removed by the
                // person
            }
        }
        return out;
    }

    private static boolean named(JsonNode array) {
        if (!array.isArray()) {
            return false;
        }
        for (JsonNode x : array) {
            if (!x.isObject() || !x.hasNonNull("name")) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        if (array != null && array.isArray()) {
            array.forEach(x -> m.putIfAbsent(x.path("name").asText(), x));
        }
        return m;
    }
}
