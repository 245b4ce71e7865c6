package io.kubelift.checker.checks.manifest;

import static io.kubelift.checker.CheckDeclaration.check;

import io.kubelift.checker.ManifestCheck;
import io.kubelift.checker.SecretText;
import io.kubelift.checker.k8s.KubeObject;
import io.kubelift.checker.k8s.ManifestBundle;
import io.kubelift.checker.k8s.YamlNode;
import io.kubelift.model.SecretNames;
import io.kubelift.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret in a ConfigMap: a secret-looking key with a literal value, a private key, or — inside an
 * embedded config file — a {@code key=value}, {@code key: value} or Hadoop {@code <name>/<value>}
 * pair with a secret name.
 */
final class SecretInConfigMapCheck extends ManifestCheck {
    private static final Pattern LINE_PAIR =
            Pattern.compile("^\\s*([A-Za-z0-9_.\\-]+)\\s*[:=]\\s*(\\S.*?)\\s*$");
    private static final Pattern XML_PAIR =
            Pattern.compile(
                    "<name>\\s*([^<]+?)\\s*</name>\\s*<value>([^<]*)</value>", Pattern.DOTALL);

    SecretInConfigMapCheck() {
        super(
                check("TF03-K8S-SECRET-IN-CONFIGMAP")
                        .severity(Severity.ERROR)
                        .fixedByGenerate()
                        .summary("A ConfigMap holds a password, key or token")
                        .rationale(
                                "Factor III: ConfigMaps are readable by anyone who may read config in the namespace, are printed by "
                                        + "kubectl and are not encrypted at rest; secrets belong in Secrets.")
                        .remediation(
                                "Move the value to a Secret and reference it from the config (${env.VAR} in Hadoop files, an env "
                                        + "var or a mounted file); kubelift generate replaces detected secrets in config files by such "
                                        + "references."));
    }

    @Override
    protected List<Hit> inspect(KubeObject o, ManifestBundle bundle) {
        if (!o.kind().equals("ConfigMap")) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>();
        List<String> text = bundle.lines(o.file());
        for (Map.Entry<String, YamlNode> e :
                o.root().at("data").map(YamlNode::map).orElse(Map.of()).entrySet()) {
            String key = e.getKey();
            String value = e.getValue().text();
            if (value == null) {
                continue;
            }
            int line = e.getValue().line();
            if (value.contains("PRIVATE KEY-----")) {
                out.add(new Hit(line, "data." + key + " holds a private key"));
            } else if (!value.contains("\n")
                    && SecretNames.mentionsSecret(key)
                    && SecretText.isLiteral(value)) {
                out.add(new Hit(line, "data." + key + " holds a literal secret (hidden)", true));
            } else if (value.contains("\n")) {
                embedded(key, value, line, text, out);
            }
        }
        return out;
    }

    private static void embedded(
            String key, String value, int keyLine, List<String> fileText, List<Hit> out) {
        Matcher xml = XML_PAIR.matcher(value);
        while (xml.find()) {
            if (SecretNames.mentionsSecret(xml.group(1)) && SecretText.isLiteral(xml.group(2))) {
                int line =
                        lineOf(
                                fileText,
                                keyLine,
                                "<value>" + xml.group(2) + "</value>",
                                xml.group(1));
                out.add(
                        new Hit(
                                line,
                                "data."
                                        + key
                                        + " sets "
                                        + xml.group(1)
                                        + " to a literal value (hidden)",
                                true));
            }
        }
        for (String l : value.split("\n")) {
            Matcher m = LINE_PAIR.matcher(l);
            if (!l.strip().startsWith("#")
                    && m.matches()
                    && SecretNames.mentionsSecret(m.group(1))
                    && SecretText.isLiteral(m.group(2))
                    && !m.group(2).startsWith("<")) {
                out.add(
                        new Hit(
                                lineOf(fileText, keyLine, l.strip(), m.group(1)),
                                "data."
                                        + key
                                        + " sets "
                                        + m.group(1)
                                        + " to a literal value (hidden)",
                                true));
            }
        }
    }

    /**
     * The 1-based line of the file, at or after {@code from}, containing {@code needle} (else
     * {@code alt}, else from).
     */
    private static int lineOf(List<String> lines, int from, String needle, String alt) {
        for (String n : new String[] {needle, alt}) {
            for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
                if (lines.get(i).contains(n)) {
                    return i + 1;
                }
            }
        }
        return from;
    }
}
