def out = new File(basedir, 'target/kubelift')
assert new File(out, 'plan.yaml').isFile() : 'generate did not run at process-resources'
assert new File(out, 'k8s').isDirectory()
assert !new File(basedir, 'target/classes/com/example/legacy/Billing.class').exists() : 'compile ran, so the phase is later than process-resources'
def plan = new File(out, 'plan.yaml').text
assert plan.startsWith('# yaml-language-server: $schema=.kubelift/plan.schema.json\n') : plan
assert new File(out, '.kubelift/plan.schema.json').isFile()
return true
