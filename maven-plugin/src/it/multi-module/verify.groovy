// one plan per module that runs: the app module gets one, the library and the aggregator do not
def api = new File(basedir, 'api/target/kubelift')
def planText = new File(api, 'plan.yaml').text
assert planText.contains('mainClass: com.example.api.OrdersApi') : "the exec-maven-plugin main class is not in the plan:\n${planText}"
assert new File(api, 'k8s').isDirectory()
assert !new File(basedir, 'model/target/kubelift/plan.yaml').exists() : 'a library module got a plan'
assert !new File(basedir, 'target/kubelift/plan.yaml').exists() : 'the aggregator got a plan'
def log = new File(basedir, 'build.log').text
assert log.contains('orders-model (packaging jar) is not a runnable app')

// the aggregate report at the root covers the app module's findings, with module-relative paths
def root = new File(basedir, 'target/kubelift/report')
['report.txt', 'report.json', 'report.sarif', 'report.html'].each {
    assert new File(root, it).isFile() : "no aggregate ${it} in ${root}"
}
def moduleJson = new groovy.json.JsonSlurper().parse(new File(api, 'report/report.json'))
def rootText = new File(root, 'report.json').text
def files = (moduleJson instanceof Map ? moduleJson.findings : moduleJson)?.collect { it.file }?.findAll { it } ?: []
files.each { assert rootText.contains('api/' + it) : "aggregate report lacks api/${it}" }
return true
