package io.kubelift.generator;

import io.kubelift.model.Names;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names and labels of generated objects. Names are per component and short; the namespace separates
 * environments.
 */
public final class ObjectNames {
    public static final String CONTAINER = "app";
    public static final String MANAGED_BY = "kubelift";

    private ObjectNames() {}

    public static String service(String component) {
        return component;
    }

    public static String headlessService(String component) {
        return component + "-headless";
    }

    public static String configMap(String component) {
        return component + "-config";
    }

    public static String secret(String component) {
        return component + "-secrets";
    }

    public static String volumeFor(String prefix, String path) {
        return Names.dnsLabel(prefix + "-" + path, 63);
    }

    /** Labels every object of the component carries. */
    public static Map<String, String> labels(PlanContext ctx, String component) {
        Map<String, String> m = new TreeMap<>(ctx.options().org().labels());
        m.putAll(selector(ctx, component));
        m.put("app.kubernetes.io/managed-by", MANAGED_BY);
        m.put("app.kubernetes.io/component", component);
        return m;
    }

    /** The pod selector of the component (immutable on workloads, so kept minimal). */
    public static Map<String, String> selector(PlanContext ctx, String component) {
        Map<String, String> m = new TreeMap<>();
        m.put("app.kubernetes.io/name", component);
        m.put("app.kubernetes.io/part-of", ctx.appName());
        return m;
    }

    /** Labels of plan-wide objects. */
    public static Map<String, String> appLabels(PlanContext ctx) {
        Map<String, String> m = new TreeMap<>(ctx.options().org().labels());
        m.put("app.kubernetes.io/part-of", ctx.appName());
        m.put("app.kubernetes.io/managed-by", MANAGED_BY);
        return m;
    }
}
