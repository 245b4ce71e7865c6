package io.kubelift.generator;

/**
 * Ingress host names: one per exposed component and environment, from {@code ingress.hostPattern}
 * (default {@code {component}.{env}.{domain}}); the domain is the environment's, else {@code
 * ingress.domain}, else {@code <app>.localhost} (resolves to the loopback address on most systems,
 * so a local cluster's ingress works). Distinct components always get distinct hosts, so two
 * Ingress rules never collide.
 */
public final class Hosts {
    private Hosts() {}

    public static String domain(PlanContext ctx, String envDomain) {
        if (envDomain != null) {
            return envDomain;
        }
        String d = ctx.options().org().domain();
        return d != null ? d : ctx.appName() + ".localhost";
    }

    /**
     * The host of {@code component} in {@code env}; {@code env} null → the base host (pattern
     * without the env part).
     */
    public static String host(PlanContext ctx, String component, String env, String envDomain) {
        String pattern = ctx.options().org().hostPatternOrDefault();
        if (env == null) {
            pattern =
                    pattern.replace("{env}.", "")
                            .replace(".{env}", "")
                            .replace("-{env}", "")
                            .replace("{env}", "");
        }
        return pattern.replace("{component}", component)
                .replace("{env}", env == null ? "" : env)
                .replace("{domain}", domain(ctx, envDomain))
                .replace("{app}", ctx.appName());
    }
}
