def log = new File(basedir, 'build.log').text
assert log.contains('kubelift:generate skipped (kubelift.skip.generate)')
assert log.contains('kubelift:check skipped (kubelift.skip.check)')
assert log.contains('kubelift:buildTar skipped (kubelift.skip.build)')
def out = new File(basedir, 'target/kubelift')
assert new File(out, 'plan.yaml').isFile() : 'kubelift:analyze is not skipped by another goal\'s flag'
assert !new File(out, 'k8s').exists() : 'kubelift.skip.generate still generated'
assert !new File(out, 'images').exists() : 'kubelift.skip.build still built'
return true
