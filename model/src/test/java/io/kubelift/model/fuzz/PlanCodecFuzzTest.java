package io.kubelift.model.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kubelift.model.KubeliftException;
import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the plan reader. Under plain {@code mvn test} this replays the seeds
 * and every crash ever found ({@code PlanCodecFuzzTestInputs/}); with {@code JAZZER_FUZZ=1} it
 * fuzzes (see docs/security.md).
 *
 * <p>The first input byte picks JSON ('J') or YAML (anything else), the rest is the document. The
 * oracle: reading either yields a plan that survives a YAML and a JSON round trip unchanged, or
 * fails with a one-line bad-input {@link KubeliftException} naming the file; anything else (another
 * exception, a stack overflow, a hang) is a bug.
 */
class PlanCodecFuzzTest {
    private static final String NAME = "fuzzed-plan";

    @FuzzTest(maxDuration = "60s")
    void readPlan(byte[] data) {
        if (data.length == 0) {
            return;
        }
        boolean json = data[0] == 'J';
        String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        MigrationPlan plan;
        try {
            plan = PlanCodec.read(text, NAME, json);
        } catch (KubeliftException e) {
            FuzzOracles.assertOneLineBadInput(e, NAME);
            return;
        }
        String yaml = PlanCodec.toYaml(plan);
        MigrationPlan again = PlanCodec.read(yaml, "round-trip.yaml", false);
        assertEquals(plan, again, "a plan must survive its own YAML");
        assertEquals(yaml, PlanCodec.toYaml(again), "writing a plan twice gives the same bytes");
        assertEquals(
                plan,
                PlanCodec.read(PlanCodec.toJson(plan), "round-trip.json", true),
                "a plan must survive its own JSON");
        assertFalse(yaml.isEmpty());
        assertTrue(yaml.startsWith("apiVersion: "), yaml);
    }
}
