def out = new File(basedir, 'target/kubelift')
def planText = new File(out, 'plan.yaml').text
assert planText.contains('mainClass: com.example.shop.ShopApplication') : "no Spring Boot main class in the plan:\n${planText}"
assert planText =~ /port: 8081/ : "server.port from application.properties is not in the plan:\n${planText}"
def yamls = []
new File(out, 'k8s').eachFileRecurse { if (it.name.endsWith('.yaml')) yamls << it }
assert yamls.any { it.text =~ /(?m)^kind: Deployment/ }
def problems = new GroovyShell(this.class.classLoader, new Binding([k8sDir: new File(out, 'k8s')]))
        .evaluate(new File(itSources, 'validate-manifests.groovy'))
assert problems.isEmpty() : "generated manifests fail schema validation:\n" + problems.join('\n')
assert yamls.any { it.text =~ /(?m)^kind: Service/ && it.text.contains('8081') } : 'no Service for server.port'
return true
