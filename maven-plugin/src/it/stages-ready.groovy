// Selector for the ITs that need kubelift's stages (analyzer, generator, checker): while a stage is still the
// API placeholder on this branch, the IT is reported as SKIPPED (not passed). Any other outcome runs the IT.
import io.kubelift.model.MainClassCandidate
import io.kubelift.model.ProjectDescriptor
import io.kubelift.core.Kubelift
import io.kubelift.checker.CheckOptions
import java.nio.file.Files

def dir = Files.createTempDirectory('kubelift-stages')
try {
    Files.writeString(dir.resolve('Main.java'), 'public class Main { public static void main(String[] a) {} }\n')
    def project = new ProjectDescriptor(dir, null, 'probe', 'probe', '1', 'jar',
            [new MainClassCandidate('Main', 'probe')], [], dir, null, '17')
    new Kubelift(null).convert(project, null, null, dir.resolve('out'), CheckOptions.defaults(), null)
    return true
} catch (UnsupportedOperationException e) {
    if (String.valueOf(e.message).contains('placeholder')) {
        println "SKIPPED ${basedir.name}: ${e.message}"
        return false
    }
    return true
} catch (Throwable e) {
    return true
} finally {
    dir.toFile().deleteDir()
}
