import groovy.json.JsonSlurper
import java.util.zip.GZIPInputStream
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream

def out = new File(basedir, 'target/kubelift')
def plan = new File(out, 'plan.yaml')
assert plan.isFile() : "no plan.yaml in ${out}"
def planText = plan.text
assert planText.contains('kind: MigrationPlan')
assert planText.contains('mainClass: com.example.echo.EchoServer') : "the main class from maven-jar-plugin is not the entrypoint:\n${planText}"

def k8s = new File(out, 'k8s')
def yamls = []
k8s.eachFileRecurse { if (it.name.endsWith('.yaml')) yamls << it }
assert yamls.any { it.text =~ /(?m)^kind: (Deployment|StatefulSet)/ } : "no workload under ${k8s}"
def scripts = new File(out, 'scripts')
assert scripts.isDirectory() && scripts.listFiles().length > 0 : "no start script under ${scripts}"
assert new File(out, 'report/report.json').isFile()
def problems = new GroovyShell(this.class.classLoader, new Binding([k8sDir: new File(out, 'k8s')]))
        .evaluate(new File(itSources, 'validate-manifests.groovy'))
assert problems.isEmpty() : "generated manifests fail schema validation:\n" + problems.join('\n')
assert new File(out, 'report/report.sarif').isFile()

// the image: a docker-archive tarball whose layers keep dependencies, resources and classes apart
def images = new File(out, 'images')
def tars = images.listFiles().findAll { it.name.endsWith('.tar') }
assert tars.size() == 1 : "expected one image tarball in ${images}: ${images.list()}"

Map<String, List<String>> layerEntries = [:]
List<String> layerOrder = null
new TarArchiveInputStream(new FileInputStream(tars[0])).withCloseable { tar ->
    def e
    while ((e = tar.nextEntry) != null) {
        if (e.name == 'manifest.json') {
            def manifest = new JsonSlurper().parse(tar.readAllBytes())[0]
            layerOrder = manifest.Layers
            assert manifest.RepoTags.any { it.contains('example/echo:1.0') } : "-Dimage is not the image's name: ${manifest.RepoTags}"
        } else if (e.name.endsWith('.tar.gz')) {
            def names = []
            def inner = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tar.readAllBytes())))
            def f
            while ((f = inner.nextEntry) != null) { if (!f.directory) names << f.name }
            layerEntries[e.name] = names
        }
    }
}
assert layerOrder != null : 'no manifest.json in the image tarball'
def layers = layerOrder.collect { layerEntries[it] }
def depLayer = layers.find { l -> l.any { it ==~ '.*app/libs/commons-cli-[0-9.]+\\.jar' } }
def classLayer = layers.find { l -> l.any { it.endsWith('app/classes/com/example/echo/EchoServer.class') } }
def resourceLayer = layers.find { l -> l.any { it.endsWith('app/resources/echo.properties') } }
assert depLayer != null : "no layer holds the dependency: ${layers}"
assert classLayer != null : "no layer holds the classes: ${layers}"
assert resourceLayer != null : "no layer holds the resources: ${layers}"
assert !depLayer.any { it.endsWith('.class') } : 'the dependency layer also holds classes'
assert !classLayer.any { it.endsWith('.jar') } : 'the classes layer also holds jars'
assert !depLayer.is(classLayer) && !classLayer.is(resourceLayer)
assert layers.indexOf(depLayer) < layers.indexOf(classLayer) : 'dependencies must sit below the classes'

// the manifests reference the built image by digest
assert yamls.any { it.text =~ /image: example\/echo@sha256:[0-9a-f]{64}/ } : 'no workload references the image (named by -Dimage) by digest'
return true
