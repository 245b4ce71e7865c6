package io.kubelift.generator.kustomize;

import io.kubelift.generator.ComponentContext;
import io.kubelift.generator.KubeYaml;
import io.kubelift.generator.ObjectNames;
import io.kubelift.generator.PlanContext;
import io.kubelift.model.SecretRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets that can be committed: an External Secrets Operator {@code ExternalSecret} per component
 * (keys only; the values stay in the store), or a Bitnami {@code SealedSecret} stub per component
 * and namespace with the kubeseal command that replaces it. Neither ever holds a value.
 */
public final class SecretObjects {
    static final String ESO_API = "external-secrets.io/v1";
    static final String DEFAULT_STORE = "kubelift-secrets";

    private SecretObjects() {}

    /** The env names of a component's secrets, sorted and distinct. */
    public static List<String> keys(ComponentContext c) {
        return c.component().secrets().stream().map(SecretRef::env).distinct().sorted().toList();
    }

    /**
     * An ExternalSecret that makes {@code <component>-secrets} from the store's entry {@code
     * <app>/<component>}.
     */
    public static Map<String, Object> externalSecret(PlanContext ctx, ComponentContext c) {
        var d = ctx.options().org();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", ESO_API);
        o.put("kind", "ExternalSecret");
        o.put(
                "metadata",
                Map.of(
                        "name",
                        ObjectNames.secret(c.name()),
                        "labels",
                        ObjectNames.labels(ctx, c.name())));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("refreshInterval", "1h");
        spec.put(
                "secretStoreRef",
                Map.of(
                        "kind",
                        d.secretStoreKind() != null ? d.secretStoreKind() : "ClusterSecretStore",
                        "name",
                        d.secretStoreName() != null ? d.secretStoreName() : DEFAULT_STORE));
        spec.put("target", Map.of("name", ObjectNames.secret(c.name()), "creationPolicy", "Owner"));
        spec.put(
                "data",
                keys(c).stream()
                        .map(
                                k ->
                                        Map.of(
                                                "secretKey",
                                                k,
                                                "remoteRef",
                                                Map.of(
                                                        "key",
                                                        ctx.appName() + "/" + c.name(),
                                                        "property",
                                                        k)))
                        .toList());
        o.put("spec", spec);
        return o;
    }

    /**
     * A SealedSecret stub for one namespace: every key present with no ciphertext, and the command
     * that fills it.
     */
    public static String sealedSecretStub(
            PlanContext ctx, ComponentContext c, String namespace, String path) {
        Map<String, String> data = new TreeMap<>();
        keys(c).forEach(k -> data.put(k, ""));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", "bitnami.com/v1alpha1");
        o.put("kind", "SealedSecret");
        o.put("metadata", Map.of("name", ObjectNames.secret(c.name()), "namespace", namespace));
        o.put(
                "spec",
                Map.of(
                        "encryptedData",
                        data,
                        "template",
                        Map.of(
                                "metadata",
                                Map.of(
                                        "name",
                                        ObjectNames.secret(c.name()),
                                        "namespace",
                                        namespace,
                                        "labels",
                                        ObjectNames.labels(ctx, c.name())))));
        return "# A stub: the controller cannot unseal empty values. Fill k8s/base/secrets/"
                + c.name()
                + ".env (see "
                + c.name()
                + ".env.example), then replace this file with:\n#   "
                + sealCommand(c, namespace, path)
                + "\n"
                + KubeYaml.write(o);
    }

    static String sealCommand(ComponentContext c, String namespace, String path) {
        return "kubectl create secret generic "
                + ObjectNames.secret(c.name())
                + " --namespace "
                + namespace
                + " --from-env-file=k8s/base/secrets/"
                + c.name()
                + ".env --dry-run=client -o yaml"
                + " | kubeseal --format yaml > "
                + path;
    }
}
