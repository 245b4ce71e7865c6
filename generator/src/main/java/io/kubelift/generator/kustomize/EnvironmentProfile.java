package io.kubelift.generator.kustomize;

/**
 * How an environment differs from the base. {@code dev} runs one replica of every Deployment (a cheap
 * namespace to try things); every other environment (test, prod, and any the user names) runs the plan's
 * replicas. Each environment gets its own namespace {@code <app>-<env>} with a quota and limit range.
 */
public record EnvironmentProfile(String name, boolean singleReplica) {
    public static EnvironmentProfile of(String env) {
        return new EnvironmentProfile(env, env.equals("dev"));
    }
}
