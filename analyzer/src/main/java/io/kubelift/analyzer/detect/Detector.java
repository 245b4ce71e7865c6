package io.kubelift.analyzer.detect;

/**
 * Recognises one kind of app or component and contributes components to the plan. Detectors run in
 * registry order (specific ones first); each claims the launches it explains so the generic ones do
 * not describe them again. Register a new one in {@link Detectors} or through {@code
 * META-INF/services/io.kubelift.analyzer.detect.Detector}.
 */
public interface Detector {
    String id();

    void detect(DetectionContext ctx);
}
