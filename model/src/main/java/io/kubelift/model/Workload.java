package io.kubelift.model;

/** The Kubernetes workload kind a component becomes. */
public enum Workload {
    Deployment,
    StatefulSet,
    DaemonSet,
    Job,
    CronJob;
}
