package io.kubelift.checker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubelift.model.PlanCodec;

/**
 * {@code {"findings":[…],"scores":{…},"suppressions":[…],"disabled":[…]}}; findings carry checkId,
 * factor, severity, file, line, message, remediation, fixedByGenerate and a masked snippet. A
 * report that covers the generated output adds {@code "before"} (the scores of the app as
 * installed); {@code "scores"} are then the scores after generate.
 */
final class JsonReportRenderer implements ReportRenderer {
    @Override
    public String render(Report report) {
        var mapper = PlanCodec.json();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        report.findings()
                .forEach(
                        f -> {
                            ObjectNode n = mapper.valueToTree(f);
                            n.put("severity", f.severity().id());
                            findings.add(n);
                        });
        root.set("scores", mapper.valueToTree(report.scores()));
        if (report.hasBefore()) {
            root.set("before", mapper.valueToTree(report.before()));
        }
        root.set("suppressions", mapper.valueToTree(report.suppressions()));
        ArrayNode disabled = root.putArray("disabled");
        report.disabled().forEach(disabled::add);
        return PlanCodec.toJson(root);
    }
}
