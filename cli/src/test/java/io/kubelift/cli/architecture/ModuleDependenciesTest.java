package io.kubelift.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module dependencies drawn in docs/architecture.md, checked on the compiled main classes of
 * every module the CLI is built from (tests and the model's test-jar aside): {@code model ←
 * analyzer, generator, image, runner, checker ← core ← cli, maven-plugin}, and the heavy libraries
 * each in the one module that owns its concern. (Maven's module graph already forbids cycles and a
 * missing {@code <dependency>}; this also forbids the edges a POM allows, e.g. runner using the
 * generator through core's classpath, or Jib creeping back into core.)
 */
class ModuleDependenciesTest {
    private static JavaClasses kubelift;

    @BeforeAll
    static void importClasses() {
        kubelift =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(location -> !location.contains("/io/kubelift/testing/"))
                        // under `mvn verify` a module's test-jar (model's test classes) is a jar,
                        // which DO_NOT_INCLUDE_TESTS misses
                        .withImportOption(location -> !location.contains("-tests.jar"))
                        .importPackages("io.kubelift");
    }

    @Test
    void modulesDependOneWay() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true) // maven-plugin is not on the CLI's classpath
                .layer("model")
                .definedBy("io.kubelift.model..")
                .layer("analyzer")
                .definedBy("io.kubelift.analyzer..")
                .layer("generator")
                .definedBy("io.kubelift.generator..")
                .layer("image")
                .definedBy("io.kubelift.image..")
                .layer("runner")
                .definedBy("io.kubelift.runner..")
                .layer("checker")
                .definedBy("io.kubelift.checker..")
                .layer("core")
                .definedBy("io.kubelift.core..")
                .layer("cli")
                .definedBy("io.kubelift.cli..")
                .layer("maven-plugin")
                .definedBy("io.kubelift.maven..")
                .whereLayer("maven-plugin")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("core")
                .mayOnlyBeAccessedByLayers("cli", "maven-plugin")
                .whereLayer("analyzer")
                .mayOnlyBeAccessedByLayers("core", "cli", "maven-plugin")
                .whereLayer("generator")
                .mayOnlyBeAccessedByLayers("core", "cli", "maven-plugin")
                .whereLayer("image")
                .mayOnlyBeAccessedByLayers("core", "cli", "maven-plugin")
                .whereLayer("runner")
                .mayOnlyBeAccessedByLayers("core", "cli", "maven-plugin")
                .whereLayer("checker")
                .mayOnlyBeAccessedByLayers("core", "cli", "maven-plugin")
                .check(kubelift);
    }

    @Test
    void theModelNeedsOnlyTheJdkAndJackson() {
        // SnakeYAML is jackson-dataformat-yaml's parser; PlanCodec sets its limits (aliases, depth,
        // size)
        classes()
                .that()
                .resideInAPackage("io.kubelift.model..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.kubelift.model..",
                        "java..",
                        "com.fasterxml.jackson..",
                        "org.yaml.snakeyaml..")
                .check(kubelift);
    }

    @Test
    void javaparserLivesOnlyInTheAnalyzer() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.kubelift.analyzer..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.github.javaparser..")
                .check(kubelift);
    }

    @Test
    void jibLivesOnlyInTheImageModule() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.kubelift.image..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.google.cloud.tools.jib..")
                .check(kubelift);
    }

    @Test
    void theFabric8ModelOnlyWhereKubernetesObjectsAreMadeOrRead() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "io.kubelift.generator..", "io.kubelift.runner..", "io.kubelift.checker..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.fabric8..")
                .check(kubelift);
    }
}
