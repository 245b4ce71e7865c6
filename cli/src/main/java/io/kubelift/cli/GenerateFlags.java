package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.generator.GenerateOptions;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * The output options shared by generate and convert: layout, defaults file, secrets mode, CI
 * pipeline and GitOps applications.
 */
final class GenerateFlags {
    private GenerateFlags() {}

    static Option[] options() {
        return new Option[] {
            opt(
                    null,
                    "layout",
                    "LAYOUT",
                    "output layout: kustomize (default: k8s/base + k8s/overlays) or helm (a chart in chart/)"),
            opt(
                    null,
                    "config",
                    "FILE",
                    "organisation defaults (default: kubelift.yaml in the app, else in the working directory)"),
            opt(
                    null,
                    "secrets",
                    "MODE",
                    "how secrets reach the cluster: plain (git-ignored env files, default), external-secrets, sealed"),
        };
    }

    /** The options of the CI pipeline and the GitOps applications (generate and convert). */
    static Option[] deliveryOptions() {
        return new Option[] {
            opt(
                    null,
                    "ci",
                    "SYSTEM",
                    "also write a pipeline that checks, builds and deploys: github, tekton or gitlab"),
            opt(
                    null,
                    "gitops",
                    "TOOL",
                    "also write a GitOps application per environment: argocd (needs --gitops-repo)"),
            opt(
                    null,
                    "gitops-repo",
                    "URL",
                    "the git repository the output is pushed to (Argo CD's repoURL)"),
            opt(
                    null,
                    "repo-dir",
                    "DIR",
                    "where the output directory sits in that repository (default: . , its root)"),
        };
    }

    static GenerateOptions from(CommandLine line) {
        return GenerateOptions.defaults()
                .withLayout(line.getOptionValue("layout"))
                .withSecrets(line.getOptionValue("secrets"))
                .withDelivery(
                        new GenerateOptions.Delivery(
                                line.getOptionValue("ci"),
                                line.getOptionValue("gitops"),
                                GenerateOptions.Delivery.CLI,
                                line.getOptionValue("repo-dir"),
                                line.getOptionValue("gitops-repo")));
    }

    static Path config(CommandLine line) {
        return line.hasOption("config") ? Path.of(line.getOptionValue("config")) : null;
    }

    /** {@code base}, the output options and the delivery options (generate and convert). */
    static Option[] with(Option[] base) {
        return withDelivery(concat(base, options()));
    }

    private static Option[] withDelivery(Option... base) {
        return concat(base, deliveryOptions());
    }

    private static Option[] concat(Option[] base, Option[] extra) {
        Option[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }
}
