package io.kubelift.generator.emit;

import java.util.List;

/**
 * The registry of resource emitters, in the order their objects are listed in the kustomization.
 */
public final class Emitters {
    private Emitters() {}

    public static List<ResourceEmitter> defaults() {
        return List.of(
                new ServiceAccountEmitter(),
                new ConfigMapEmitter(),
                new PersistentVolumeClaimEmitter(),
                new DeploymentEmitter(),
                new StatefulSetEmitter(),
                new DaemonSetEmitter(),
                new JobEmitter(),
                new CronJobEmitter(),
                new ServiceEmitter(),
                new HeadlessServiceEmitter(),
                new IngressEmitter(),
                new PodDisruptionBudgetEmitter(),
                new HorizontalPodAutoscalerEmitter(),
                new NetworkPolicyEmitter());
    }
}
