package io.kubelift.checker;

/**
 * Which evidence a check reads; a check only counts towards a score when its evidence was given.
 */
public enum CheckSource {
    /** The analyzer's facts about the app (configs, scripts, sources). */
    APP,
    /** The migration plan. */
    PLAN,
    /** Kubernetes manifests. */
    MANIFESTS;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
