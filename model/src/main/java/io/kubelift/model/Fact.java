package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One thing the analyzer saw, with its evidence. {@code value} is display-safe: for a {@link
 * FactKind#SECRET} it is always the mask. {@code attributes} are sorted for stable output.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"kind", "subject", "value", "attributes", "evidence"})
public record Fact(
        FactKind kind,
        String subject,
        String value,
        Map<String, String> attributes,
        Evidence evidence) {
    public Fact {
        if (kind == null) {
            throw new IllegalArgumentException("fact.kind is required");
        }
        if (evidence == null) {
            throw new IllegalArgumentException(
                    "fact.evidence is required: nothing is inferred without evidence");
        }
        attributes = Lists.sortedCopy(attributes);
        if (kind == FactKind.SECRET && value != null && !value.equals(SecretValue.MASK)) {
            value = SecretValue.MASK;
        }
    }

    public static Fact of(FactKind kind, String subject, String value, Evidence evidence) {
        return new Fact(kind, subject, value, Map.of(), evidence);
    }

    public String attr(String name) {
        return attributes.get(name);
    }
}
