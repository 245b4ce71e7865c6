package io.kubelift.analyzer.detect;

import io.kubelift.analyzer.Inventory;
import io.kubelift.analyzer.jar.Jars;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.Component;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What detectors share: the inventory, the components found so far, the claimed launches and main
 * classes.
 */
public final class DetectionContext {
    private final Inventory inventory;
    private final String appName;
    private final List<Component> components = new ArrayList<>();
    private final Set<ShellLaunch> claimed = new java.util.HashSet<>();
    private final Set<String> claimedClasses = new java.util.HashSet<>();
    private final Set<String> detectors = new LinkedHashSet<>();
    private Jars jars;

    public DetectionContext(Inventory inventory, String appName) {
        this.inventory = inventory;
        this.appName = appName;
    }

    public Inventory inventory() {
        return inventory;
    }

    /**
     * The app's jars, read in place on demand (manifests, class files), shared by the detectors of
     * this analysis.
     */
    public Jars jars() {
        if (jars == null) {
            jars = new Jars(inventory.files());
        }
        return jars;
    }

    public String appName() {
        return appName;
    }

    public void add(String detector, Component c) {
        if (components.stream().anyMatch(x -> x.name().equals(c.name()))) {
            return;
        }
        components.add(c.toBuilder().detector(detector).build());
        detectors.add(detector);
    }

    public void claim(ShellLaunch l) {
        claimed.add(l);
        if (l.command().mainClass() != null) {
            claimedClasses.add(l.command().mainClass());
        }
    }

    public void claimClass(String mainClass) {
        claimedClasses.add(mainClass);
    }

    public boolean isClaimed(ShellLaunch l) {
        return claimed.contains(l)
                || l.command().mainClass() != null
                        && claimedClasses.contains(l.command().mainClass());
    }

    public boolean isClaimedClass(String c) {
        return claimedClasses.contains(c);
    }

    public List<Component> components() {
        return components;
    }

    public List<String> detectors() {
        return List.copyOf(detectors);
    }
}
