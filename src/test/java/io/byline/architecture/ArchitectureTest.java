package io.byline.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layer rules of docs/architecture.md, checked on the production classes.
 *
 * <p>Who may know the composition root ({@code AppContext}, {@code AppWindow}, {@code BylineApp}): the classes of
 * the root package {@code io.byline} itself ({@code Main} and the root classes), and {@code cli} (each headless command opens its own context). The UI does not:
 * controllers receive services by constructor injection through {@code FxmlViews}, whose controller factory is
 * handed in as a plain callback, so not even {@code FxmlViews} needs the context.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // the production classes as Maven compiled them (no tests, no jars)
        classes = new ClassFileImporter().importPath(java.nio.file.Path.of("target", "classes"));
        org.junit.jupiter.api.Assertions.assertTrue(classes.size() > 50, "found the production classes");
    }

    @Test
    void domainAndValidationArePure() {
        ArchRule rule = noClasses()
            .that().resideInAnyPackage("io.byline.domain..", "io.byline.validation..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.sqlite..",
                    "com.google.gson..", "io.byline.store..", "io.byline.service..", "io.byline.ui..");
        rule.check(classes);
    }

    @Test
    void onlyTheStoreTalksToTheDatabase() {
        ArchRule rule = noClasses()
            .that().resideOutsideOfPackage("io.byline.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "com.google.gson..");
        rule.check(classes);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        ArchRule rule = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..");
        rule.check(classes);
    }

    @Test
    void uiUsesServicesNotTheStore() {
        ArchRule rule = noClasses()
            .that().resideInAPackage("io.byline.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.byline.store..", "io.byline.cli..");
        rule.check(classes);
    }

    @Test
    void servicesDoNotKnowTheUi() {
        ArchRule rule = noClasses()
            .that().resideInAnyPackage("io.byline.service..", "io.byline.store..", "io.byline.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.byline.ui..", "javafx..", "org.controlsfx..");
        rule.check(classes);
    }

    @Test
    void onlyTheRootAndCliKnowTheCompositionRoot() {
        ArchRule rule = noClasses()
            .that().resideOutsideOfPackages("io.byline", "io.byline.cli..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.byline.AppContext")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.byline.BylineApp")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.byline.AppWindow");
        rule.check(classes);
    }

    /** A screen uses ui.common only; the shell (which registers every screen) is the one place that knows them all. */
    @Test
    void screensDoNotDependOnEachOther() {
        ArchRule rule = slices().matching("io.byline.ui.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("io.byline.ui.shell.."), DescribedPredicate.<JavaClass>alwaysTrue())
            .ignoreDependency(DescribedPredicate.<JavaClass>alwaysTrue(), resideInAPackage("io.byline.ui.common.."));
        rule.check(classes);
    }

    @Test
    void onlyFxTaskRunnerCallsRunLater() {
        ArchRule rule = noClasses()
            .that().doNotHaveFullyQualifiedName("io.byline.ui.common.FxTaskRunner")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class);
        rule.check(classes);
    }
}
