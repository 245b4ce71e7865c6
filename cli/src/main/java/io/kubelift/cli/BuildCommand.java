package io.kubelift.cli;

import static io.kubelift.cli.Main.opt;

import io.kubelift.image.BuildResult;
import io.kubelift.image.ImageOptions;
import io.kubelift.model.KubeliftException;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/** {@code kubelift build PLAN --to tar:DIR|registry:REF|docker:REF}. */
final class BuildCommand extends AbstractCommand {
    BuildCommand() {
        super(
                "build",
                "PLAN --to tar:DIR|registry:REF|docker:REF [--base jlink|debian|registry:REF|tar:FILE] [-o DIR]",
                "build one image per component with Jib and pin the manifests to their digests",
                opt("t", "to", "TARGET", "tar:DIR, registry:REF or docker:REF (required)"),
                opt(
                        "b",
                        "base",
                        "BASE",
                        "base image: jlink, debian, registry:REF or tar:FILE (default: per component)"),
                opt(
                        "o",
                        "output",
                        "DIR",
                        "the output directory whose k8s/ gets the digests (default: the plan's directory)"),
                opt(
                        null,
                        "cache",
                        "DIR",
                        "layer and base-image cache (default: ~/.cache/kubelift)"),
                opt(
                        null,
                        "insecure-registry",
                        null,
                        "allow plain HTTP registries (e.g. localhost:5000)"));
    }

    @Override
    public int run(CommandLine line, Console console) {
        Path plan = Path.of(Main.positional(line, this, 1, 1).get(0));
        String to = OptionValues.required(line, "t", this);
        if (!to.matches("(tar|registry|docker):.+")) {
            throw KubeliftException.usage(
                    "--to takes tar:DIR, registry:REF or docker:REF, not '" + to + "'", null);
        }
        Path cache =
                line.hasOption("cache")
                        ? Path.of(line.getOptionValue("cache"))
                        : Path.of(System.getProperty("user.home"), ".cache", "kubelift");
        boolean insecure =
                line.hasOption("insecure-registry")
                        || to.startsWith("registry:localhost")
                        || to.startsWith("registry:127.0.0.1");
        ImageOptions options = new ImageOptions(to, line.getOptionValue("b"), cache, insecure);
        BuildResult result =
                console.kubelift()
                        .build(
                                plan,
                                options,
                                line.hasOption("o") ? Path.of(line.getOptionValue("o")) : null);
        result.images()
                .forEach((component, ref) -> console.out.println("IMAGE " + component + " " + ref));
        return Main.OK;
    }
}
