package io.kubelift.checker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelift.model.Finding;
import io.kubelift.model.PlanCodec;
import io.kubelift.model.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0: one run, a rule per check that ran (its doc page embedded as help text and markdown,
 * factor as tag; a help URI only when the user says where the pages are published), one result per
 * finding, and suppressed findings as results with an in-source suppression. Scores and disabled
 * checks are in the run's properties.
 */
final class SarifReportRenderer implements ReportRenderer {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final String docsUrl;

    /** Help embedded, no help URI. */
    public SarifReportRenderer() {
        this(null);
    }

    /**
     * Help embedded, and {@code helpUri = docsUrl + ID.md} when {@code docsUrl} is given ({@link
     * ReportRenderers#docsUrl}).
     */
    public SarifReportRenderer(String docsUrl) {
        this.docsUrl = ReportRenderers.docsUrl(docsUrl);
    }

    @Override
    public String render(Report report) {
        ObjectMapper m = PlanCodec.json();
        ObjectNode root = m.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "kubelift");
        driver.put("informationUri", "https://github.com/kubelift/kubelift");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (CheckInfo c : report.checksRun()) {
            index.put(c.id(), index.size());
            ObjectNode r = rules.addObject();
            r.put("id", c.id());
            r.putObject("shortDescription").put("text", c.summary());
            r.putObject("fullDescription").put("text", c.rationale());
            r.putObject("help")
                    .put("text", CheckHelp.text(c))
                    .put("markdown", CheckHelp.markdown(c, docsUrl));
            String helpUri = ReportRenderers.docUrl(docsUrl, c.id());
            if (helpUri != null) {
                r.put("helpUri", helpUri);
            }
            r.putObject("defaultConfiguration").put("level", level(c.severity()));
            ObjectNode p = r.putObject("properties");
            p.putArray("tags")
                    .add("twelve-factor")
                    .add("factor-" + c.factor().numeral())
                    .add(c.source().id());
            p.put("factor", c.factor().numeral());
            p.put("factorTitle", c.factor().title());
            p.put("fixedByGenerate", c.fixedByGenerate());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode res =
                    result(
                            results,
                            f.checkId(),
                            index,
                            f.severity(),
                            f.message(),
                            f.file(),
                            f.line(),
                            f.snippet());
            res.putObject("properties")
                    .put("factor", f.factor())
                    .put("fixedByGenerate", f.fixedByGenerate())
                    .put("remediation", f.remediation() == null ? "" : f.remediation());
        }
        for (Suppression s : report.suppressions()) {
            if (!s.accepted()) {
                continue; // the finding itself is still reported above
            }
            Severity sev =
                    report.checksRun().stream()
                            .filter(c -> c.id().equals(s.checkId()))
                            .map(CheckInfo::severity)
                            .findFirst()
                            .orElse(Severity.WARNING);
            ObjectNode res =
                    result(
                            results,
                            s.checkId(),
                            index,
                            sev,
                            "finding suppressed in source",
                            s.file(),
                            s.suppressedLine(),
                            null);
            res.putArray("suppressions")
                    .addObject()
                    .put("kind", "inSource")
                    .put("justification", s.reason());
        }
        ObjectNode props = run.putObject("properties");
        props.set("scores", m.valueToTree(report.scores()));
        if (report.hasBefore()) {
            props.set("scoresBefore", m.valueToTree(report.before()));
        }
        ArrayNode disabled = props.putArray("disabled");
        report.disabled().forEach(disabled::add);
        run.putObject("originalUriBaseIds")
                .putObject("ROOT")
                .putObject("description")
                .put("text", "the checked path: " + report.rootName());
        return PlanCodec.toJson(root);
    }

    private static ObjectNode result(
            ArrayNode results,
            String ruleId,
            Map<String, Integer> index,
            Severity sev,
            String message,
            String file,
            int line,
            String snippet) {
        ObjectNode res = results.addObject();
        res.put("ruleId", ruleId);
        if (index.containsKey(ruleId)) {
            res.put("ruleIndex", index.get(ruleId));
        }
        res.put("level", level(sev));
        res.putObject("message").put("text", message);
        if (file != null) {
            ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
            phys.putObject("artifactLocation").put("uri", uri(file)).put("uriBaseId", "ROOT");
            if (line > 0) {
                ObjectNode region = phys.putObject("region").put("startLine", line);
                if (snippet != null && !snippet.isBlank()) {
                    region.putObject("snippet").put("text", snippet);
                }
            }
        }
        return res;
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * A relative URI reference: '/' separators, spaces and other unsafe characters percent-encoded.
     */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~/".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }
}
