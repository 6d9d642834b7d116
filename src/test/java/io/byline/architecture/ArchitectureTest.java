package io.byline.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layer rules of docs/architecture.md, checked on the production classes.
 *
 * <p>Who may know the composition root ({@code AppContext}, {@code AppWindow}, {@code BylineApp}): {@code Main},
 * the root classes themselves, and {@code cli} (each headless command opens its own context). The UI does not:
 * controllers receive services by constructor injection through {@code FxmlViews}, whose controller factory is
 * handed in as a plain callback, so not even {@code FxmlViews} needs the context.
 */
@AnalyzeClasses(packages = "io.byline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainAndValidationArePure = noClasses()
            .that().resideInAnyPackage("io.byline.domain..", "io.byline.validation..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.sqlite..",
                    "com.google.gson..", "io.byline.store..", "io.byline.service..", "io.byline.ui..");

    @ArchTest
    static final ArchRule onlyTheStoreTalksToTheDatabase = noClasses()
            .that().resideOutsideOfPackage("io.byline.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "com.google.gson..");

    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..");

    @ArchTest
    static final ArchRule uiUsesServicesNotTheStore = noClasses()
            .that().resideInAPackage("io.byline.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.byline.store..", "io.byline.cli..");

    @ArchTest
    static final ArchRule servicesDoNotKnowTheUi = noClasses()
            .that().resideInAnyPackage("io.byline.service..", "io.byline.store..", "io.byline.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.byline.ui..", "javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule onlyTheRootAndCliKnowTheCompositionRoot = noClasses()
            .that().resideOutsideOfPackage("io.byline.cli..")
            .and().doNotHaveFullyQualifiedName("io.byline.Main")
            .and().doNotHaveFullyQualifiedName("io.byline.BylineApp")
            .and().doNotHaveFullyQualifiedName("io.byline.AppWindow")
            .and().doNotHaveFullyQualifiedName("io.byline.AppContext")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.byline.AppContext")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.byline.BylineApp")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.byline.AppWindow");

    /** A screen uses ui.common only; the shell (which registers every screen) is the one place that knows them all. */
    @ArchTest
    static final ArchRule screensDoNotDependOnEachOther = slices().matching("io.byline.ui.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("io.byline.ui.shell.."), DescribedPredicate.<JavaClass>alwaysTrue())
            .ignoreDependency(DescribedPredicate.<JavaClass>alwaysTrue(), resideInAPackage("io.byline.ui.common.."));

    @ArchTest
    static final ArchRule onlyFxTaskRunnerCallsRunLater = noClasses()
            .that().doNotHaveFullyQualifiedName("io.byline.ui.common.FxTaskRunner")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class);
}
