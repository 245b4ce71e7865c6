package io.kubelift.checker;

import java.util.Arrays;

/**
 * The twelve factors (12factor.net) and three more (Hoffman, Beyond the Twelve-Factor App), as
 * roman numerals.
 */
public enum Factor {
    I("Codebase"),
    II("Dependencies"),
    III("Config"),
    IV("Backing services"),
    V("Build, release, run"),
    VI("Processes"),
    VII("Port binding"),
    VIII("Concurrency"),
    IX("Disposability"),
    X("Dev/prod parity"),
    XI("Logs"),
    XII("Admin processes"),
    XIII("API first"),
    XIV("Telemetry"),
    XV("Authentication and authorization");

    private final String title;

    Factor(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The roman numeral, as used in findings ({@code "III"}). */
    public String numeral() {
        return name();
    }

    public static Factor parse(String numeral) {
        return Arrays.stream(values())
                .filter(f -> f.name().equals(numeral))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a factor: " + numeral));
    }
}
