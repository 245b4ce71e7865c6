def log = new File(basedir, 'build.log').text
assert log.contains('kubelift:generate skipped (kubelift.skip)')
assert log.contains('kubelift:check skipped (kubelift.skip)')
assert !new File(basedir, 'target/kubelift').exists() : 'kubelift.skip still wrote output'
return true
