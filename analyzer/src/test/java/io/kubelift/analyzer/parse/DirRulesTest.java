package io.kubelift.analyzer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Temporary and lock directories are scratch (an emptyDir), data directories are state. */
class DirRulesTest {
    @ParameterizedTest
    @CsvSource({
        "app.tmp.dir, /var/tmp/app, SCRATCH",
        "temp-directory, ${app.home}/temp, SCRATCH",
        "lock.dir, /var/lock/app, SCRATCH",
        "instance.lock-directory, lock, SCRATCH",
        "data.dir, /var/lib/app, STATE",
        "journal-directory, data/journal, STATE",
        "log.directory.path, /var/log/app, LOG"
    })
    void theKindOfADirectorySetting(String key, String value, DirRules.Use use) {
        assertEquals(use, DirRules.classify(key, value).orElseThrow().use(), key);
    }
}
