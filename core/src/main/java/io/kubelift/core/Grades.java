package io.kubelift.core;

import io.kubelift.checker.Report;
import io.kubelift.model.Finding;
import io.kubelift.model.Severity;

/** A portfolio readiness grade per app, from the findings that still need a person (A best … F). */
final class Grades {
    private Grades() {
    }

    static String of(Report report) {
        long errors = 0;
        long warnings = 0;
        for (Finding f : report.findings()) {
            if (f.fixedByGenerate()) {
                continue;
            }
            if (f.severity() == Severity.ERROR) {
                errors++;
            } else if (f.severity() == Severity.WARNING) {
                warnings++;
            }
        }
        if (errors == 0 && warnings == 0) {
            return "A";
        }
        if (errors == 0 && warnings <= 3) {
            return "B";
        }
        if (errors == 0) {
            return "C";
        }
        return errors <= 3 ? "D" : "F";
    }
}
