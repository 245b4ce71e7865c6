package io.kubelift.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubelift.model.FileSet;
import io.kubelift.testing.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class GeneratorGoldenTest {
    static final java.util.List<String> CASES = Fixtures.CASES;

    @ParameterizedTest
    @FieldSource("CASES")
    void outputMatchesGoldenFiles(String name, @TempDir Path out) throws Exception {
        FileSet files = Fixtures.generate(name);
        Fixtures.write(files, out);
        Golden.assertTreeMatches(Fixtures.CASES_DIR.resolve(name + "/expected"), out);
    }

    @ParameterizedTest
    @FieldSource("CASES")
    void generatingTwiceGivesIdenticalBytes(String name) {
        FileSet first = Fixtures.generate(name);
        FileSet second = Fixtures.generate(name);
        assertEquals(first.files().keySet(), second.files().keySet());
        first.files()
                .forEach(
                        (path, e) -> {
                            assertArrayEquals(
                                    e.content(), second.files().get(path).content(), path);
                            assertEquals(e.mode(), second.files().get(path).mode(), path);
                        });
    }
}
