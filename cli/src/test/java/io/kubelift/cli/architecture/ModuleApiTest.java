package io.kubelift.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each module's public API, as docs/architecture.md lists it ("Public API per module"): the types
 * another module may use. Everything else a module holds is internal to it, even where Java needs
 * it public (a type one of its subpackages uses). The model is the shared vocabulary: all its
 * public types are its API, and Java's access rules are its check.
 *
 * <p>The lists are read from docs/architecture.md, so the document and the rule cannot drift: a
 * type named there must exist and be public, and a class of another module that uses a type not
 * named there fails the build.
 */
class ModuleApiTest {
    private static final Path ARCHITECTURE = Path.of("../docs/architecture.md");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z-]+)/` \\| (.*) \\|$");
    private static final Pattern TYPE = Pattern.compile("`([A-Za-z0-9.]+)`");

    /** The modules whose API is a list (module directory → root package). */
    private static final Map<String, String> MODULES = new LinkedHashMap<>();

    static {
        MODULES.put("analyzer", "io.kubelift.analyzer");
        MODULES.put("generator", "io.kubelift.generator");
        MODULES.put("image", "io.kubelift.image");
        MODULES.put("runner", "io.kubelift.runner");
        MODULES.put("checker", "io.kubelift.checker");
        MODULES.put("core", "io.kubelift.core");
    }

    private static JavaClasses kubelift;
    private static Map<String, Set<String>> api;

    @BeforeAll
    static void importClasses() throws IOException {
        kubelift =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(location -> !location.contains("/io/kubelift/testing/"))
                        .withImportOption(location -> !location.contains("-tests.jar"))
                        .importPackages("io.kubelift");
        api = documentedApi(Files.readString(ARCHITECTURE));
    }

    /**
     * The API table of docs/architecture.md: module → fully qualified names of its API types (a
     * name {@code sub.Type} is relative to the module's root package).
     */
    static Map<String, Set<String>> documentedApi(String doc) {
        int start = doc.indexOf("## Public API per module");
        assertTrue(start >= 0, "docs/architecture.md has no section 'Public API per module'");
        int end = doc.indexOf("\n## ", start + 1);
        String section = doc.substring(start, end < 0 ? doc.length() : end);
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            String module = row.group(1);
            if (!MODULES.containsKey(module)) {
                continue;
            }
            Set<String> types = new TreeSet<>();
            Matcher type = TYPE.matcher(row.group(2).split("\\|")[0]);
            while (type.find()) {
                types.add(MODULES.get(module) + "." + type.group(1));
            }
            lists.put(module, types);
        }
        assertEquals(
                MODULES.keySet(),
                lists.keySet(),
                "docs/architecture.md lists the API of these modules");
        return lists;
    }

    static List<String> modules() {
        return new ArrayList<>(MODULES.keySet());
    }

    @ParameterizedTest
    @MethodSource("modules")
    void everyDocumentedApiTypeExistsAndIsPublic(String module) {
        for (String name : api.get(module)) {
            assertTrue(kubelift.contain(name), module + ": no type " + name);
            JavaClass type = kubelift.get(name);
            assertTrue(
                    type.getModifiers().contains(JavaModifier.PUBLIC),
                    module + ": API type " + name + " is not public");
        }
    }

    @ParameterizedTest
    @MethodSource("modules")
    void otherModulesUseOnlyTheApi(String module) {
        onlyTheApiFromOutside(module, api.get(module)).check(kubelift);
    }

    @Test
    void theRuleCanFail() {
        // core uses the analyzer; with an empty API list every such use is a violation
        assertTrue(onlyTheApiFromOutside("analyzer", Set.of()).evaluate(kubelift).hasViolation());
    }

    private static ArchRule onlyTheApiFromOutside(String module, Set<String> types) {
        String root = MODULES.get(module);
        DescribedPredicate<JavaClass> internal =
                DescribedPredicate.describe(
                        "are internal to " + module + " (not in its API, docs/architecture.md)",
                        c -> c.getPackageName().startsWith(root) && !isApi(c.getName(), types));
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + "..")
                .should()
                .dependOnClassesThat(internal);
    }

    /** An API type or a type nested in one. */
    private static boolean isApi(String name, Set<String> types) {
        return types.stream().anyMatch(t -> name.equals(t) || name.startsWith(t + "$"));
    }
}
