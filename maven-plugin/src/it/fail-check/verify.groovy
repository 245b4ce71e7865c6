def log = new File(basedir, 'build.log').text
assert log.contains('kubelift:check failed for legacy-billing') : 'the failure does not say which goal and module failed'
assert log =~ /finding\(s\) at or above 'error'/
assert log.contains('billing.properties') : 'the failure does not point at the file with the problem'
assert log.contains('-Dkubelift.failOn') : 'the failure does not say how to change the threshold'
assert !log.contains('\tat io.kubelift') : 'a stack trace reached the user'
// the report is still written, and the secret value appears nowhere
def out = new File(basedir, 'target/kubelift')
assert new File(out, 'report/report.txt').isFile()
assert !log.contains('Tr0ub4dor-billing') : 'the password was printed'
out.eachFileRecurse { f ->
    if (f.isFile() && !f.name.endsWith('.env') && !(f.path.contains('/k8s/') && f.name.toLowerCase().contains('secret'))) {
        assert !f.text.contains('Tr0ub4dor-billing') : "the password is in ${f}"
    }
}
return true
