def out = new File(basedir, 'target/kubelift')
def plan = new File(out, 'plan.yaml')
assert plan.isFile() : "kubelift:generate bound to package did not write ${plan}"
def planText = plan.text
assert planText.contains('name: guestbook')
// a WAR has no main class: it runs in a servlet container listening on 8080
assert !planText.contains('mainClass:') : "a WAR got a main class:\n${planText}"
assert planText =~ /port: 8080/ : "no servlet container port in the plan:\n${planText}"
def k8s = new File(out, 'k8s')
def yamls = []
k8s.eachFileRecurse { if (it.name.endsWith('.yaml')) yamls << it }
assert yamls.any { it.text =~ /(?m)^kind: Deployment/ } : "no Deployment under ${k8s}"
assert yamls.any { it.text =~ /(?m)^kind: Service/ && it.text.contains('8080') } : "no Service on 8080 under ${k8s}"
assert new File(out, 'report/report.txt').isFile()
def problems = new GroovyShell(this.class.classLoader, new Binding([k8sDir: new File(out, 'k8s')]))
        .evaluate(new File(itSources, 'validate-manifests.groovy'))
assert problems.isEmpty() : "generated manifests fail schema validation:\n" + problems.join('\n')
return true
