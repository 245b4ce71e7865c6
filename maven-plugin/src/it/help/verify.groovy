def log = new File(basedir, 'build.log').text
['kubelift:analyze', 'kubelift:generate', 'kubelift:check', 'kubelift:build', 'kubelift:dockerBuild', 'kubelift:buildTar', 'kubelift:help'].each {
    assert log.contains(it) : "kubelift:help does not list ${it}"
}
assert log.contains('tarDirectory') : 'no parameter list for buildTar'
assert log.contains('User property: kubelift.skip.build') : 'no skip property in the help'
assert log.contains('User property: image') : '-Dimage is not documented'
assert log.contains('as jib:buildTar') : 'the goal description is missing'
return true
