// The same schema validation the generator's ManifestValidationTest applies: every generated object (base and
// overlay resources, not kustomization files or patches) against the Kubernetes OpenAPI schema of
// io.fabric8:kubernetes-model-validator. Expects `k8sDir`; returns the list of problems (empty when valid).
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper
import io.fabric8.kubernetes.schema.validator.Validator

def yaml = new YAMLMapper()
def validator = Validator.newInstance()
def problems = []
int checked = 0
k8sDir.eachFileRecurse { f ->
    String rel = k8sDir.toPath().relativize(f.toPath()).toString()
    if (!f.name.endsWith('.yaml') || f.name == 'kustomization.yaml' || rel.contains('/patches/')) return
    checked++
    validator.validate(yaml.readTree(f.text)).messages.each { m ->
        // the bundled schema types PodDisruptionBudget's int-or-string fields as string only
        if (!(m.message ==~ /\[Path '\/spec\/(maxUnavailable|minAvailable)'\] Instance type \(integer\) does not match any allowed primitive type \(allowed: \["string"\]\)/)) {
            problems << "${rel}: ${m.level} ${m.message}"
        }
    }
}
if (checked == 0) problems << "no Kubernetes objects under ${k8sDir}"
return problems
