def log = new File(basedir, 'build.log').text
assert log.contains('<failOn>sometimes</failOn> (-Dkubelift.failOn): not a severity — use info, warning, error or none') : 'no clear message naming <failOn>'
assert !new File(basedir, 'target/kubelift').exists() : 'output was written despite the bad parameter'
assert !log.contains('\tat io.kubelift') : 'a stack trace reached the user'
return true
