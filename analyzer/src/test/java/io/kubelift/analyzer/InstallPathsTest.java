package io.kubelift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kubelift.analyzer.shell.JavaCommand;
import io.kubelift.analyzer.shell.ShellLaunch;
import io.kubelift.model.SourceHome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The install's own absolute paths and a product home outside it, moved into the image layout. */
class InstallPathsTest {
    @Test
    void theInstallRootIsWhatAnAbsolutePathAddsToTheAppFileItNames() {
        assertEquals(
                "/var/lib/broker",
                InstallPaths.rootOf("/var/lib/broker/etc/artemis.profile", "etc/artemis.profile"));
        assertEquals(
                "/var/lib/broker",
                InstallPaths.rootOf(
                        "'/var/lib/broker//etc/artemis.profile'".replace("'", ""),
                        "etc/artemis.profile"));
        assertNull(
                InstallPaths.rootOf("etc/artemis.profile", "etc/artemis.profile"),
                "relative: no root");
        assertNull(
                InstallPaths.rootOf("/etc/artemis.profile", "etc/artemis.profile"),
                "the file system root");
        assertNull(InstallPaths.rootOf("/x/other.profile", "etc/artemis.profile"));
    }

    @Test
    void rootAndHomeMoveToTheAppHomeAndHomesAndAPrefixOfALongerNameStays() {
        ShellLaunch l =
                new ShellLaunch(
                        "bin/artemis",
                        120,
                        "exec \"$JAVACMD\" \\",
                        new JavaCommand(
                                "org.apache.activemq.artemis.boot.Artemis",
                                null,
                                List.of("/srv/artemis-2.40-home/lib/artemis-boot.jar"),
                                List.of(
                                        "-Dartemis.home=/srv/artemis-2.40-home",
                                        "-Dartemis.instance=/srv/artemis-2.40",
                                        "-Djolokia.policyLocation=file:/srv/artemis-2.40/etc/jolokia-access.xml",
                                        "-Dother=/srv/artemis-2.40x/y"),
                                List.of("run")),
                        null,
                        false,
                        "bin/artemis",
                        null,
                        List.of());
        InstallPaths.Result r =
                InstallPaths.relocate(
                        List.of(l),
                        Set.of("/srv/artemis-2.40"),
                        p -> p.equals("/srv/artemis-2.40-home"));
        JavaCommand c = r.launches().get(0).command();
        assertEquals(List.of("homes/artemis-2.40-home/lib/artemis-boot.jar"), c.classpath());
        assertEquals(
                List.of(
                        "-Dartemis.home=/opt/app/homes/artemis-2.40-home",
                        "-Dartemis.instance=/opt/app",
                        "-Djolokia.policyLocation=file:/opt/app/etc/jolokia-access.xml",
                        "-Dother=/srv/artemis-2.40x/y"),
                c.jvmOptions());
        assertEquals(1, r.homes().size());
        SourceHome h = r.homes().get(0);
        assertEquals("/srv/artemis-2.40-home", h.path());
        assertEquals("homes/artemis-2.40-home", h.at());
    }

    @Test
    void aLibOutsideTheAppThatIsNotOnThisMachineIsNoHome() {
        ShellLaunch l =
                new ShellLaunch(
                        "bin/run",
                        3,
                        "exec java",
                        new JavaCommand(
                                "a.Main",
                                null,
                                List.of("/nowhere/lib/a.jar"),
                                List.of(),
                                List.of()),
                        null,
                        false,
                        "bin/run",
                        null,
                        List.of());
        InstallPaths.Result r = InstallPaths.relocate(List.of(l), Set.of(), p -> false);
        assertEquals(List.of(), r.homes());
        assertEquals(List.of("/nowhere/lib/a.jar"), r.launches().get(0).command().classpath());
    }
}
