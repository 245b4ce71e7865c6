package io.kubelift.runner;

import java.util.List;

/**
 * The container engine's command line, behind an interface so the runner's logic is tested without
 * podman.
 */
interface ContainerEngine {
    /** The result of one call: exit code and output. */
    record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs {@code <engine> args...}, feeding {@code stdin} (may be null), and waits for it. */
    Result run(List<String> args, byte[] stdin);
}
