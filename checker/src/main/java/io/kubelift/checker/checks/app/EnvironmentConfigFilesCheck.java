package io.kubelift.checker.checks.app;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.AbstractCheck;
import io.kubelift.checker.CheckContext;
import io.kubelift.checker.CheckSource;
import io.kubelift.model.Finding;
import io.kubelift.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Config files or directories per environment (conf.prod/, yarn-site-prod.xml,
 * application-staging.yml).
 */
final class EnvironmentConfigFilesCheck extends AbstractCheck {
    private static final Pattern ENV_NAME =
            Pattern.compile(
                    "(?i)(^|.*[-_.])(prod|production|staging|stage|qa|uat|preprod|dev|development)([-_.].*|$)");
    private static final Pattern CONFIG_EXT =
            Pattern.compile("(?i).*\\.(xml|properties|ya?ml|conf|cfg|ini|env|json|toml|sh)$");
    private static final Pattern TEST_DIR =
            Pattern.compile("(^|.*/)(src/test|test|tests|examples?|docs?)/.*");

    EnvironmentConfigFilesCheck() {
        super(
                check("TF01-CONFIG-PER-ENVIRONMENT")
                        .severity(Severity.INFO)
                        .reads(CheckSource.APP)
                        .summary("The codebase carries separate config files per environment")
                        .rationale(
                                "Factors I and III: one codebase is deployed to many environments; config that differs per "
                                        + "environment belongs to the environment (ConfigMaps per namespace, Kustomize overlays), not to "
                                        + "files in the codebase that each build must pick from.")
                        .remediation(
                                "Keep one config in the codebase and express per-environment differences as environment variables "
                                        + "or Kustomize overlays (kubelift generate writes a base and one overlay per environment)."));
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        if (context.app() == null) {
            return out;
        }
        for (String path : context.app().list()) {
            if (TEST_DIR.matcher(path).matches() || !CONFIG_EXT.matcher(path).matches()) {
                continue;
            }
            String[] parts = path.split("/");
            for (int i = Math.max(0, parts.length - 2); i < parts.length; i++) {
                String part =
                        i == parts.length - 1 ? parts[i].replaceFirst("\\.[^.]+$", "") : parts[i];
                if (ENV_NAME.matcher(part).matches()) {
                    out.add(
                            finding(
                                    path,
                                    0,
                                    "config for one environment in the codebase: " + path,
                                    null));
                    break;
                }
            }
        }
        return out;
    }
}
