package io.byline.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
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
 * <p>Who may know the composition root ({@code AppContext}, {@code AppWindow}, {@code BylineApp}): {@code Main},
 * the root classes themselves, and {@code cli} (each headless command opens its own context). The UI does not:
 * controllers receive services by constructor injection through {@code FxmlViews}, whose controller factory is
 * handed in as a plain callback, so not even {@code FxmlViews} needs the context.
 */
class ArchitectureTest {
    /*
     * Plain JUnit tests rather than ArchUnit's own engine: Surefire ran the engine's @ArchTest fields but reported
     * zero tests, so a broken rule could have gone unnoticed. Each rule is checked by a @Test below.
     */
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.byline");
    }

    static final ArchRule domainAndValidationArePure = noClasses()
            .that().resideInAnyPackage("io.byline.domain..", "io.byline.validation..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.sqlite..",
                    "com.google.gson..", "io.byline.store..", "io.byline.service..", "io.byline.ui..");

    static final ArchRule onlyTheStoreTalksToTheDatabase = noClasses()
            .that().resideOutsideOfPackage("io.byline.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "com.google.gson..");

    static final ArchRule viewModelsDoNotTouchTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..");

    static final ArchRule uiUsesServicesNotTheStore = noClasses()
            .that().resideInAPackage("io.byline.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.byline.store..", "io.byline.cli..");

    static final ArchRule servicesDoNotKnowTheUi = noClasses()
            .that().resideInAnyPackage("io.byline.service..", "io.byline.store..", "io.byline.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.byline.ui..", "javafx..", "org.controlsfx..");

    static final ArchRule onlyTheRootAndCliKnowTheCompositionRoot = noClasses()
            .that().resideOutsideOfPackages("io.byline", "io.byline.cli..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.byline.AppContext")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.byline.BylineApp")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.byline.AppWindow");

    /** A screen uses ui.common only; the shell (which registers every screen) is the one place that knows them all. */
    static final ArchRule screensDoNotDependOnEachOther = slices().matching("io.byline.ui.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("io.byline.ui.shell.."), DescribedPredicate.<JavaClass>alwaysTrue())
            .ignoreDependency(DescribedPredicate.<JavaClass>alwaysTrue(), resideInAPackage("io.byline.ui.common.."));

    /**
     * The store is below the services: a repository that called a service would run business rules inside a
     * transaction it does not own, and could skip the permission check and the audit entry the service makes.
     */
    static final ArchRule storeDoesNotUseServices = noClasses()
            .that().resideInAPackage("io.byline.store..")
            .should().dependOnClassesThat().resideInAnyPackage("io.byline.service..", "io.byline.cli..");

    /**
     * The top-level packages form layers, so none may reach back up: a cycle means two layers can only change,
     * build and be understood together, and the first one to be added is the hardest to find later.
     */
    static final ArchRule noPackageCycles = slices().matching("io.byline.(*)..").should().beFreeOfCycles();

    /**
     * Controllers bind controls to their view model; the view model calls the services (in the background, through
     * the TaskRunner, where its tests can reach it). A controller calling a service hides screen logic where only the
     * slow TestFX tests see it, and usually runs a database read on the FX thread. Service records (a QueueItem, a
     * Risk) are data and may be shown; calls are what this forbids.
     */
    static final ArchRule controllersDoNotCallServices = noClasses()
            .that().haveSimpleNameEndingWith("Controller").and().resideInAPackage("io.byline.ui..")
            .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a method of a service",
                    call -> call.getTargetOwner().getPackageName().startsWith("io.byline.service")
                            && call.getTargetOwner().getSimpleName().endsWith("Service")));

    static final ArchRule onlyFxTaskRunnerCallsRunLater = noClasses()
            .that().doNotHaveFullyQualifiedName("io.byline.ui.common.FxTaskRunner")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class);

    /**
     * Only {@code AuthService} puts a user in the session (after checking a password, or creating the first
     * administrator); nothing in the app acts as someone else ({@code actAs} is gone and stays gone).
     */
    static final ArchRule onlyAuthServiceSignsIn = noClasses()
            .that().doNotHaveFullyQualifiedName("io.byline.service.AuthService")
            .should().callMethod(io.byline.service.Session.class, "signIn", io.byline.domain.User.class)
            .orShould().callMethodWhere(DescribedPredicate.describe("a method named actAs",
                    (com.tngtech.archunit.core.domain.JavaMethodCall c) -> c.getName().equals("actAs")));

    @Test
    void onlyAuthServiceSignsIn() {
        onlyAuthServiceSignsIn.check(classes);
    }

    @Test
    void domainAndValidationArePure() {
        domainAndValidationArePure.check(classes);
    }

    @Test
    void onlyTheStoreTalksToTheDatabase() {
        onlyTheStoreTalksToTheDatabase.check(classes);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        viewModelsDoNotTouchTheSceneGraph.check(classes);
    }

    @Test
    void uiUsesServicesNotTheStore() {
        uiUsesServicesNotTheStore.check(classes);
    }

    @Test
    void servicesDoNotKnowTheUi() {
        servicesDoNotKnowTheUi.check(classes);
    }

    @Test
    void onlyTheRootAndCliKnowTheCompositionRoot() {
        onlyTheRootAndCliKnowTheCompositionRoot.check(classes);
    }

    @Test
    void screensDoNotDependOnEachOther() {
        screensDoNotDependOnEachOther.check(classes);
    }

    @Test
    void storeDoesNotUseServices() {
        storeDoesNotUseServices.check(classes);
    }

    @Test
    void noPackageCycles() {
        noPackageCycles.check(classes);
    }

    @Test
    void controllersDoNotCallServices() {
        controllersDoNotCallServices.check(classes);
    }

    @Test
    void onlyFxTaskRunnerCallsRunLater() {
        onlyFxTaskRunnerCallsRunLater.check(classes);
    }
}
