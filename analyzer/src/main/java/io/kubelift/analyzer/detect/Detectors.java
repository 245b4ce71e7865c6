package io.kubelift.analyzer.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The built-in detectors in the order they run, plus any found through ServiceLoader (appended, by id). */
public final class Detectors {
    private Detectors() {
    }

    public static List<Detector> defaults() {
        List<Detector> list = new ArrayList<>(List.of(new HadoopYarnDetector(), new SpringBootDetector(), new TomcatDetector()));
        List<Detector> extra = new ArrayList<>();
        ServiceLoader.load(Detector.class, Detectors.class.getClassLoader()).forEach(extra::add);
        extra.sort(java.util.Comparator.comparing(Detector::id));
        list.addAll(extra);
        list.add(new JavaLaunchDetector());
        list.add(new MainClassDetector());
        return list;
    }
}
