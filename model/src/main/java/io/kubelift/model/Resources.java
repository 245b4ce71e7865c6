package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Requests in Kubernetes quantities ({@code cpu: "1"}, {@code memory: 1536Mi}); the memory limit equals the
 * request. {@code evidence} points at the legacy heap setting the memory was derived from.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"cpu", "memory", "evidence"})
public record Resources(String cpu, String memory, Evidence evidence) {
}
