package io.kubelift.model;

import java.util.Locale;

/** How bad a finding is; ordered from least to most severe. */
public enum Severity {
    INFO,
    WARNING,
    ERROR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
