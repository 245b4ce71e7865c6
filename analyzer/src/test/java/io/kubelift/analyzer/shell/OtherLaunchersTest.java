package io.kubelift.analyzer.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Windows batch scripts and launchers in other languages that build a java command line. */
class OtherLaunchersTest {
    static List<ShellLaunch> batch(Map<String, String> files, String entry) {
        BatchInterpreter b =
                new BatchInterpreter(
                        p -> Optional.ofNullable(files.get(p)).map(t -> t.lines().toList()),
                        written ->
                                files.keySet().stream()
                                        .filter(
                                                f ->
                                                        written.replace('\\', '/').endsWith(f)
                                                                || written.replace('\\', '/')
                                                                        .endsWith(
                                                                                "/"
                                                                                        + f
                                                                                                .substring(
                                                                                                        f
                                                                                                                        .lastIndexOf(
                                                                                                                                '/')
                                                                                                                + 1)))
                                        .findFirst());
        return b.run(entry);
    }

    @Test
    void setVariablesGotoLabelsAndTheJavaVariable() {
        List<ShellLaunch> l =
                batch(
                        Map.of(
                                "bin/server.bat",
                                """
                                @echo off
                                setlocal
                                set "APP_HOME=%~dp0.."
                                if "%JAVA_HOME%" == "" goto noJavaHome
                                set JAVA=%JAVA_HOME%\\bin\\java.exe
                                goto okJava
                                :noJavaHome
                                set JAVA=java
                                :okJava
                                if not defined HEAP set HEAP=-Xmx512m
                                set CP=%APP_HOME%\\conf;%APP_HOME%\\lib\\*
                                rem "%JAVA%" com.acme.Commented
                                "%JAVA%" %HEAP% -Dapp.home="%APP_HOME%" -cp "%CP%" ^
                                  com.acme.QueueServer --port 7700 %*
                                """),
                        "bin/server.bat");
        assertEquals(1, l.size(), l.toString());
        JavaCommand c = l.get(0).command();
        assertEquals("com.acme.QueueServer", c.mainClass());
        assertEquals(List.of("conf", "lib/*"), c.classpath());
        assertEquals(List.of("-Xmx512m", "-Dapp.home=."), c.jvmOptions());
        assertEquals(List.of("--port", "7700"), c.args());
        assertEquals(13, l.get(0).line(), "the first line of the joined command");
        assertFalse(l.get(0).background());
    }

    @Test
    void callOfAnotherScriptAndOfASubroutine() {
        List<ShellLaunch> l =
                batch(
                        Map.of(
                                "bin/start.cmd",
                                """
                                @echo off
                                call "%~dp0setenv.cmd"
                                call :launch com.acme.Worker
                                goto :eof
                                :launch
                                start "worker" /b java %OPTS% -cp lib\\app.jar %1
                                goto :eof
                                :never
                                java com.acme.Never
                                """,
                                "bin/setenv.cmd",
                                "set OPTS=-Xmx2g -Dmode=worker\n"),
                        "bin/start.cmd");
        assertEquals(1, l.size(), l.toString());
        assertEquals("com.acme.Worker", l.get(0).command().mainClass());
        assertEquals(List.of("-Xmx2g", "-Dmode=worker"), l.get(0).command().jvmOptions());
        assertEquals(List.of("lib/app.jar"), l.get(0).command().classpath());
        assertTrue(l.get(0).background(), "start runs it apart");
        assertTrue(l.get(0).sources().contains("bin/setenv.cmd"), l.get(0).sources().toString());
    }

    @Test
    void ifElseBlocksAndUndecidedJumps() {
        List<ShellLaunch> l =
                batch(
                        Map.of(
                                "run.bat",
                                """
                                if exist "%~dp0custom.bat" goto custom
                                if "%MODE%"=="" (
                                  set MAIN=com.acme.Standalone
                                ) else (
                                  set MAIN=com.acme.Clustered
                                )
                                java -jar start.jar
                                java %MAIN%
                                exit /b 0
                                :custom
                                java com.acme.Custom
                                """),
                        "run.bat");
        assertEquals(
                List.of("start.jar", "com.acme.Standalone"),
                l.stream()
                        .map(
                                x ->
                                        x.command().mainClass() != null
                                                ? x.command().mainClass()
                                                : x.command().jar())
                        .toList());
    }

    @Test
    void pythonListsStringsJoinsAndVariables() {
        List<ShellLaunch> l =
                ScriptLiteralLaunches.launches(
                        "bin/launch.py",
                        """
                        import os, subprocess
                        MAIN = "com.acme.Gateway"
                        HEAP = '-Xmx1g'
                        cp = ":".join(["conf", "lib/*"])
                        cmd = [
                            "java", HEAP,
                            "-cp", cp,
                            MAIN, "--serve",
                        ]
                        subprocess.call(cmd)
                        os.system("java -cp lib/app.jar com.acme.Indexer")
                        subprocess.call(["java", "-cp", cp, sys.argv[1]])  # class unknown: no launch
                        """);
        assertEquals(2, l.size(), l.toString());
        JavaCommand c = l.get(0).command();
        assertEquals("com.acme.Gateway", c.mainClass());
        assertEquals(List.of("conf", "lib/*"), c.classpath());
        assertEquals(List.of("-Xmx1g"), c.jvmOptions());
        assertEquals(List.of("--serve"), c.args());
        assertEquals(5, l.get(0).line());
        assertEquals("com.acme.Indexer", l.get(1).command().mainClass());
        assertEquals(11, l.get(1).line());
    }

    @Test
    void perlExecListsAndInterpolatedStrings() {
        List<ShellLaunch> l =
                ScriptLiteralLaunches.launches(
                        "bin/start.pl",
                        """
                        #!/usr/bin/perl
                        my $cp = "lib/app.jar";
                        my $java = "$ENV{JAVA_HOME}/bin/java";
                        exec $java, "-Xmx256m", "-cp", $cp, "com.acme.Mailer" if $ARGV[0] eq 'mail';
                        exec "java", "-cp", join(":", "conf", $cp), "com.acme.Broker";
                        system("java -Dx=1 -cp $cp com.acme.Tool");
                        """);
        assertEquals(
                List.of("com.acme.Broker", "com.acme.Tool"),
                l.stream().map(x -> x.command().mainClass()).toList(),
                "$java's value is not known and 'exec $java' is no list literal: Mailer is left to the fallback");
        assertEquals(List.of("conf", "lib/app.jar"), l.get(0).command().classpath());
        assertEquals(List.of("-Dx=1"), l.get(1).command().jvmOptions());
    }

    @Test
    void windowsPathsFold() {
        assertEquals("lib/*", BatchInterpreter.pathLike("bin\\..\\lib\\*"));
        assertEquals("-Dx=conf/a.xml", BatchInterpreter.pathLike("-Dx=bin\\..\\conf\\a.xml"));
        assertEquals("conf:lib/a.jar", BatchInterpreter.classpath("conf;lib\\a.jar;"));
    }
}
