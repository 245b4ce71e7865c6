package io.kubelift.analyzer.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelift.analyzer.jvm.JvmOptionRules.Change;
import io.kubelift.analyzer.jvm.JvmOptionRules.Log4jConfig;
import io.kubelift.analyzer.jvm.JvmOptionRules.Result;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JvmOptionRulesTest {
    private static Result run(int release, String... options) {
        return JvmOptionRules.normalise(List.of(options), o -> false, release, List.of());
    }

    @Test
    void xlogToAFileGoesToStdoutKeepingSelectorsAndDecorators() {
        assertEquals(
                Optional.of("-Xlog:gc*:stdout:time"),
                JvmOptionRules.xlogToStdout("-Xlog:gc*:file=x.log:time"));
        assertEquals(
                Optional.of("-Xlog:gc*:stdout:time,uptime"),
                JvmOptionRules.xlogToStdout(
                        "-Xlog:gc*:file=/var/log/gc.log:time,uptime:filecount=10,filesize=20M"));
        assertEquals(
                Optional.of("-Xlog:gc+heap=debug:stdout"),
                JvmOptionRules.xlogToStdout("-Xlog:gc+heap=debug:gc.log"),
                "a bare file name is a file too");
        assertEquals(
                Optional.of("-Xlog:gc:stdout:uptime:foldmultilines=true"),
                JvmOptionRules.xlogToStdout(
                        "-Xlog:gc:file=\"C:\\logs\\gc.log\":uptime:filesize=1M,foldmultilines=true"));
        assertEquals(
                Optional.of("-Xlog:safepoint:stdout::foldmultilines=true"),
                JvmOptionRules.xlogToStdout("-Xlog:safepoint:file=s.log::foldmultilines=true"));
    }

    @Test
    void xlogAlreadyOnAStreamIsLeftAlone() {
        for (String o :
                List.of(
                        "-Xlog:gc",
                        "-Xlog:gc*:stdout:time",
                        "-Xlog:gc:stderr",
                        "-Xlog:disable",
                        "-Xlog",
                        "-Xloggc:x")) {
            assertEquals(Optional.empty(), JvmOptionRules.xlogToStdout(o), o);
        }
        Result r = run(17, "-Xlog:gc*:stdout:time", "-XX:+UseG1GC");
        assertEquals(List.of("-Xlog:gc*:stdout:time", "-XX:+UseG1GC"), r.options());
        assertEquals(List.of(), r.changes());
    }

    @Test
    void jdk8GcLoggingBecomesOneXlogOnJava9Plus() {
        Result r =
                run(
                        17,
                        "-XX:+UseG1GC",
                        "-Xloggc:/var/log/app/gc.log",
                        "-XX:+PrintGCDetails",
                        "-XX:+PrintGCDateStamps",
                        "-XX:+UseGCLogFileRotation",
                        "-XX:NumberOfGCLogFiles=10",
                        "-XX:GCLogFileSize=20M",
                        "-XX:+PrintTenuringDistribution");
        assertEquals(List.of("-XX:+UseG1GC", "-Xlog:gc*:stdout:time,level,tags"), r.options());
        assertEquals(7, r.changes().size());
        assertEquals(
                new Change(
                        "-Xloggc:/var/log/app/gc.log",
                        "-Xlog:gc*:stdout:time,level,tags",
                        JvmOptionRules.GC_LOG,
                        r.changes().get(0).reason()),
                r.changes().get(0));
        assertEquals(
                List.of(
                        "rewritten",
                        "dropped",
                        "dropped",
                        "dropped",
                        "dropped",
                        "dropped",
                        "dropped"),
                r.changes().stream().map(Change::action).toList());
    }

    @Test
    void printGcAloneUsesTheJdkDefaultDecorators() {
        assertEquals(
                List.of("-Xlog:gc:stdout:uptime,level,tags"), run(11, "-XX:+PrintGC").options());
        assertEquals(
                List.of("-Xlog:gc:stdout:uptime,level,tags"),
                run(11, "-Xloggc:gc.log", "-XX:+PrintGCTimeStamps").options());
        assertEquals(
                List.of(),
                run(17, "-XX:+PrintGCDateStamps").options(),
                "a stamp flag alone would stop a Java 17 JVM");
    }

    @Test
    void onJava8TheGcLogFileGoesAndGcPrintingStays() {
        Result r =
                run(
                        8,
                        "-Xloggc:/var/log/gc.log",
                        "-XX:+PrintGCDetails",
                        "-XX:+PrintGCDateStamps",
                        "-XX:+UseGCLogFileRotation");
        assertEquals(List.of("-XX:+PrintGCDetails", "-XX:+PrintGCDateStamps"), r.options());
        assertEquals(
                List.of("-XX:+PrintGC"),
                run(8, "-Xloggc:gc.log").options(),
                "-Xloggc implied -XX:+PrintGC");
    }

    @Test
    void unresolvedPropertiesAreDroppedLiteralOnesStay() {
        Result r =
                JvmOptionRules.normalise(
                        List.of(
                                "-Dfoo=",
                                "-Dhadoop.id.str=",
                                "-Dlog.file=yarn---.log",
                                "-Dhome=.",
                                "-Xss1m"),
                        o ->
                                o.equals("-Dhadoop.id.str=")
                                        || o.equals("-Dlog.file=yarn---.log")
                                        || o.equals("-Xss1m"),
                        17,
                        List.of());
        assertEquals(
                List.of("-Dfoo=", "-Dhome=.", "-Xss1m"),
                r.options(),
                "only -Dkey=value options are dropped");
        assertEquals(
                List.of("-Dhadoop.id.str=", "-Dlog.file=yarn---.log"),
                r.changes().stream().map(Change::original).toList());
        assertEquals(
                List.of(JvmOptionRules.UNRESOLVED, JvmOptionRules.UNRESOLVED),
                r.changes().stream().map(Change::rule).toList());
    }

    private static final Log4jConfig LOG4J =
            new Log4jConfig(
                    "etc/log4j.properties",
                    Set.of("nm.audit.logger", "root.logger"),
                    Set.of("NMAUDIT", "RFA"),
                    List.of("console"));

    @Test
    void log4jFileAppenderOfALoggerPropertyBecomesTheConsoleAppender() {
        Result r =
                JvmOptionRules.normalise(
                        List.of(
                                "-Dnm.audit.logger=INFO,NMAUDIT",
                                "-Droot.logger=DEBUG,RFA,console"),
                        o -> false,
                        17,
                        List.of(LOG4J));
        assertEquals(
                List.of("-Dnm.audit.logger=INFO,console", "-Droot.logger=DEBUG,console"),
                r.options());
        assertEquals(
                List.of(JvmOptionRules.LOG4J, JvmOptionRules.LOG4J),
                r.changes().stream().map(Change::rule).toList());
    }

    @Test
    void log4jRuleNeedsTheConfigToSayItIsAFileAppenderOfALogger() {
        List<String> opts =
                List.of(
                        "-Dnm.audit.logger=INFO,NullAppender",
                        "-Dother.logger=INFO,NMAUDIT",
                        "-Dnm.audit.logger.x=INFO");
        Result r = JvmOptionRules.normalise(opts, o -> false, 17, List.of(LOG4J));
        assertEquals(opts, r.options());
        assertEquals(List.of(), r.changes());
        assertEquals(
                List.of("-Dnm.audit.logger=INFO,NMAUDIT"),
                JvmOptionRules.normalise(
                                List.of("-Dnm.audit.logger=INFO,NMAUDIT"),
                                o -> false,
                                17,
                                List.of())
                        .options(),
                "no config, no change");
    }

    @Test
    void withoutAConsoleAppenderTheOptionIsKeptAndSaysWhy() {
        Log4jConfig noConsole =
                new Log4jConfig(
                        "log4j.properties",
                        Set.of("nm.audit.logger"),
                        Set.of("NMAUDIT"),
                        List.of());
        Result r =
                JvmOptionRules.normalise(
                        List.of("-Dnm.audit.logger=INFO,NMAUDIT"),
                        o -> false,
                        17,
                        List.of(noConsole));
        assertEquals(List.of("-Dnm.audit.logger=INFO,NMAUDIT"), r.options());
        assertEquals("kept", r.changes().get(0).action());
    }

    @Test
    void release() {
        assertEquals(8, JvmOptionRules.release("1.8"));
        assertEquals(8, JvmOptionRules.release("8"));
        assertEquals(21, JvmOptionRules.release("21"));
        assertEquals(17, JvmOptionRules.release(null));
    }
}
