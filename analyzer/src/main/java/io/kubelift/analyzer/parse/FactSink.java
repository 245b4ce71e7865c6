package io.kubelift.analyzer.parse;

import io.kubelift.model.Evidence;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Problem;
import io.kubelift.model.SecretValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the parsers see in one app: facts, problems, raw config entries and secret hits.
 * Evidence text is masked with every secret value found so far in the same file, so a line holding
 * a secret never reaches a fact or the plan with the value in it.
 */
public final class FactSink {
    private static final java.util.regex.Pattern SWITCH =
            java.util.regex.Pattern.compile("(?i)[\"']?(true|false|yes|no|on|off)[\"']?");
    private final List<Fact> facts = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<ConfigEntry> entries = new ArrayList<>();
    private final List<SecretHit> secrets = new ArrayList<>();
    private final Map<String, List<SecretValue>> secretsByFile = new LinkedHashMap<>();

    public void fact(
            FactKind kind,
            String subject,
            String value,
            Map<String, String> attrs,
            Evidence evidence) {
        facts.add(new Fact(kind, subject, value, attrs == null ? Map.of() : attrs, mask(evidence)));
    }

    public void fact(FactKind kind, String subject, Evidence evidence) {
        fact(kind, subject, null, Map.of(), evidence);
    }

    public void entry(ConfigEntry e) {
        entries.add(e);
    }

    public void secret(
            String key,
            String kind,
            String rawValue,
            Evidence evidence,
            Map<String, String> attrs) {
        if (rawValue != null && SWITCH.matcher(rawValue.strip()).matches()) {
            // a switch (automountServiceAccountToken: false, token.enabled=true) holds no secret;
            // registering its
            // value would also mask every 'false' in the file's evidence
            return;
        }
        SecretValue v = SecretValue.of(rawValue);
        if (io.kubelift.model.SecretNames.confidentialKind(kind)) {
            // a user name is half a credential, kept out of config files, but it is not
            // confidential: masking such
            // short words would blank unrelated text (paths, names) in the evidence
            secretsByFile.computeIfAbsent(evidence.file(), f -> new ArrayList<>()).add(v);
        }
        Evidence masked = mask(evidence);
        boolean commented = attrs != null && "true".equals(attrs.get("commented"));
        secrets.add(new SecretHit(key, evidence.file(), kind, v, masked, commented));
        Map<String, String> a = new LinkedHashMap<>(attrs == null ? Map.of() : attrs);
        a.put("kind", kind);
        facts.add(new Fact(FactKind.SECRET, key, SecretValue.MASK, a, masked));
    }

    public void problem(Problem.Kind kind, String file, int line, String message) {
        problems.add(new Problem(kind, file, line, message));
    }

    /**
     * Masks any secret value of the evidence's file in its text; also re-masks facts added before
     * the secret was known.
     */
    public Evidence mask(Evidence e) {
        List<SecretValue> values = secretsByFile.get(e.file());
        if (values == null || e.text() == null) {
            return e;
        }
        String t = e.text();
        for (SecretValue v : values) {
            t = v.maskIn(t);
        }
        return t.equals(e.text()) ? e : new Evidence(e.file(), e.line(), t);
    }

    public List<Fact> facts() {
        List<Fact> out = new ArrayList<>(facts.size());
        for (Fact f : facts) {
            Evidence m = mask(f.evidence());
            String value = f.value();
            List<SecretValue> values = secretsByFile.get(f.evidence().file());
            if (values != null && value != null) {
                for (SecretValue v : values) {
                    value = v.maskIn(value);
                }
            }
            Map<String, String> attrs = f.attributes();
            if (values != null && !attrs.isEmpty()) {
                Map<String, String> a2 = new LinkedHashMap<>();
                for (var en : attrs.entrySet()) {
                    String av = en.getValue();
                    for (SecretValue v : values) {
                        av = v.maskIn(av);
                    }
                    a2.put(en.getKey(), av);
                }
                attrs = a2;
            }
            out.add(new Fact(f.kind(), f.subject(), value, attrs, m));
        }
        return out;
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<ConfigEntry> entries() {
        return entries;
    }

    /**
     * The secrets found, each evidence masked with every value of its file, also those found after
     * it (several secrets on one line: each evidence text hides all of them, not only the ones seen
     * first).
     */
    public List<SecretHit> secrets() {
        List<SecretHit> out = new ArrayList<>(secrets.size());
        for (SecretHit h : secrets) {
            Evidence m = mask(h.evidence());
            out.add(
                    m == h.evidence()
                            ? h
                            : new SecretHit(
                                    h.key(), h.file(), h.kind(), h.value(), m, h.commented()));
        }
        return out;
    }
}
