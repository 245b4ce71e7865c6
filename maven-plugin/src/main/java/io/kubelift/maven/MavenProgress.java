package io.kubelift.maven;

import io.kubelift.core.Progress;
import org.apache.maven.plugin.logging.Log;

/** Shows kubelift's progress steps as Maven log lines. */
final class MavenProgress implements Progress {
    private final Log log;

    MavenProgress(Log log) {
        this.log = log;
    }

    @Override
    public void step(String message) {
        log.info(message);
    }
}
