package io.kubelift.analyzer.detect;

import io.kubelift.analyzer.profile.ProductProfile;
import io.kubelift.analyzer.profile.ProfileDetector;
import io.kubelift.analyzer.profile.Profiles;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The built-in detectors in the order they run, plus any found through ServiceLoader (appended, by
 * id).
 */
public final class Detectors {
    private Detectors() {}

    public static List<Detector> defaults() {
        return with(Profiles.builtIn());
    }

    /**
     * The built-in detectors, with one {@link ProfileDetector} reading the given product profiles.
     */
    public static List<Detector> with(List<ProductProfile> profiles) {
        List<Detector> list = new ArrayList<>(List.of(new ProfileDetector(profiles)));
        List<Detector> extra = new ArrayList<>();
        ServiceLoader.load(Detector.class, Detectors.class.getClassLoader()).forEach(extra::add);
        extra.sort(java.util.Comparator.comparing(Detector::id));
        list.addAll(extra);
        list.add(new JavaLaunchDetector());
        list.add(new MainClassDetector());
        list.add(ProfileDetector.fallbacks(profiles));
        list.add(new CandidateDetector());
        return list;
    }
}
