package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Requests in Kubernetes quantities ({@code cpu: "1"}, {@code memory: 1536Mi}); the memory limit
 * equals the request. {@code evidence} points at the legacy heap setting the memory was derived
 * from.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"cpu", "memory", "evidence"})
public record Resources(String cpu, String memory, Evidence evidence) {
    public Resources {
        // "memory:" with nothing after it reads as "" but is written as nothing and read back as
        // null: blank is unset,
        // so a plan survives its own round trip (a fuzzing finding,
        // PlanCodecFuzzTestInputs/readPlan/blank-resources-memory)
        cpu = cpu == null || cpu.isBlank() ? null : cpu;
        memory = memory == null || memory.isBlank() ? null : memory;
    }
}
