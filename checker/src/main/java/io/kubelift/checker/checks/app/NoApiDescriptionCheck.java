package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.AbstractCheck;
import io.kubelift.checker.CheckContext;
import io.kubelift.checker.CheckSource;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.List;

/** An app that serves HTTP (a web descriptor or an http port) but ships no API description. */
final class NoApiDescriptionCheck extends AbstractCheck {
    NoApiDescriptionCheck() {
        super(
                check("TF13-NO-API-DESCRIPTION")
                        .severity(Severity.INFO)
                        .reads(CheckSource.APP)
                        .summary(
                                "The app serves HTTP but has no API description (OpenAPI, WSDL, protobuf)")
                        .rationale(
                                "Factor XIII (API first): other services integrate against a published contract; without one, "
                                        + "clients depend on implementation details and changes break them silently.")
                        .remediation(
                                "Publish an OpenAPI document (or WSDL/protobuf for non-REST interfaces) with the app and version it."));
    }

    @Override
    public List<Finding> run(CheckContext context) {
        if (!context.facts(FactKind.API_DESCRIPTION).isEmpty()) {
            return List.of();
        }
        return context.facts().facts().stream()
                .filter(NoApiDescriptionCheck::servesHttp)
                .findFirst()
                .map(
                        f ->
                                List.of(
                                        finding(
                                                f.evidence(),
                                                "HTTP interface without an API description")))
                .orElse(List.of());
    }

    private static boolean servesHttp(Fact f) {
        if (f.kind() == FactKind.WEB_DESCRIPTOR) {
            return true;
        }
        if (f.kind() != FactKind.LISTEN_PORT) {
            return false;
        }
        String proto = f.attr("appProtocol");
        return proto != null && proto.toLowerCase(java.util.Locale.ROOT).startsWith("http");
    }
}
