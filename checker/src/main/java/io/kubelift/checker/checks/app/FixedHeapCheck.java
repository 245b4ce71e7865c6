package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.CheckContext;
import io.kubelift.checker.FactCheck;
import io.kubelift.checker.GeneratedOutput;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Severity;

/** The JVM heap is a fixed size instead of a share of the container's memory */
final class FixedHeapCheck extends FactCheck {
    FixedHeapCheck() {
        super(
                check("TF08-JVM-FIXED-HEAP")
                        .severity(Severity.WARNING)
                        .fixedByGenerate()
                        .summary(
                                "The JVM heap is a fixed size instead of a share of the container's memory")
                        .rationale(
                                "Factor VIII: a fixed -Xmx or HEAPSIZE ignores the container memory limit; too high and the pod is OOM-killed, too low and scaling up the limit does nothing.")
                        .remediation(
                                "Drop the fixed heap and use -XX:MaxRAMPercentage (e.g. 75) so the heap follows the memory limit; kubelift generate derives the memory request from the old heap and starts the JVM with MaxRAMPercentage."),
                FactKind.HEAP_SETTING);
    }

    private static String bytes(Fact f) {
        String b = f.attr("bytes");
        if (b == null || !b.matches("\\d+")) {
            return "";
        }
        long mib = Long.parseLong(b) / (1024 * 1024);
        return " (" + mib + " MiB)";
    }

    @Override
    protected String message(Fact f) {
        return "fixed heap setting "
                + subject(f)
                + bytes(f)
                + " ignores the container memory limit";
    }

    /** Fixed only when the heap flag or variable is gone from what the container runs and reads. */
    @Override
    protected boolean survives(Fact f, GeneratedOutput out, CheckContext context) {
        return literalSurvives(f, subject(f), out);
    }
}
