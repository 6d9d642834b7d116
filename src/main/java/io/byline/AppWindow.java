package io.byline;

import io.byline.service.PreferencesService.Theme;
import io.byline.ui.common.AppActions;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.BackgroundWork;
import io.byline.ui.common.PostLink;
import io.byline.ui.common.RisksLink;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.FxTaskRunner;
import io.byline.ui.common.FxmlViews;
import io.byline.ui.common.I18n;
import io.byline.ui.common.ShellStatus;
import io.byline.ui.common.TaskRunner;
import io.byline.ui.shell.MainWindowController;
import io.byline.ui.shell.ScreenRegistry;
import io.byline.ui.signin.FirstAdminController;
import io.byline.ui.signin.SignInController;
import io.byline.store.DatabaseLocation;
import io.byline.ui.startup.StartupProbe;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Locale;

/**
 * The one application window and what it shows: first-admin setup for a new workspace, sign-in, then the main
 * window. Part of the composition root: it wires the UI collaborators into the {@link AppContext} so controllers
 * get them by constructor injection, and rebuilds them when the language changes.
 */
public final class AppWindow implements AppActions {
    private enum Showing { FIRST_ADMIN, SIGN_IN, MAIN }

    private final AppContext ctx;
    private final Stage stage;
    private final FxTaskRunner runner;
    private final Appearance appearance;
    private final ScreenRegistry registry;
    private I18n i18n;
    private FxmlViews views;
    private Showing showing;
    private MainWindowController main;
    private java.util.function.Consumer<AppContext> onContextReplaced = c -> { };

    public AppWindow(AppContext ctx, Stage stage, FxTaskRunner runner, Appearance appearance, ScreenRegistry registry) {
        this.ctx = ctx;
        this.stage = stage;
        this.runner = runner;
        this.appearance = appearance;
        this.registry = registry;
        ctx.provide(TaskRunner.class, runner);
        ctx.provide(Appearance.class, appearance);
        ctx.provide(AppActions.class, this);
        ctx.provide(ScreenRegistry.class, registry);
        ctx.provide(BackgroundWork.class, new BackgroundWork(runner));
        localize(ctx.preferencesService().language());
        if (stage.getScene() == null) stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1200, 780));
        appearance.style(stage.getScene());
        io.byline.ui.common.Keyboard.install();
        stage.setTitle("Byline");
    }

    private void localize(Locale locale) {
        i18n = I18n.of(locale);
        views = new FxmlViews(i18n, ctx::createController);
        ctx.provide(I18n.class, i18n);
        ctx.provide(FxmlViews.class, views);
        ctx.provide(DialogService.class, new DialogService(i18n, appearance, () -> stage));
        ShellStatus status = new ShellStatus(i18n);
        status.setLocation(ctx.location().database().toString());
        ctx.provide(ShellStatus.class, status);
    }

    /** First-admin setup for a workspace without users, else sign-in. */
    public void showEntry() {
        runner.run(ctx.authService()::needsFirstAdmin, needs -> {
            if (needs) showFirstAdmin();
            else showSignIn();
        }, e -> new DialogService(i18n, appearance, () -> stage).error(e));
    }

    public void showSignIn() {
        showing = Showing.SIGN_IN;
        main = null;
        setRoot(views.load(SignInController.class).root());
        StartupProbe.entryShown(stage.getScene(), "sign-in");
    }

    public void showFirstAdmin() {
        showing = Showing.FIRST_ADMIN;
        main = null;
        setRoot(views.load(FirstAdminController.class).root());
        StartupProbe.entryShown(stage.getScene(), "first-admin");
    }

    /** The main window for the signed-in user, on the screen with this id (or the first one). */
    public void showMain(String screenId) {
        showing = Showing.MAIN;
        FxmlViews.View<MainWindowController> v = views.load(MainWindowController.class);
        main = v.controller();
        main.select(screenId);
        setRoot(v.root());
        main.installShortcuts(stage.getScene());
    }

    private void setRoot(Parent root) {
        Scene scene = stage.getScene();
        scene.getAccelerators().clear();
        scene.setRoot(root);
        stage.setTitle(ctx.session().user().map(u -> "Byline — " + u.displayName()).orElse("Byline"));
    }

    /** At start: a visible warning (and a log line) when other users of the computer can read the audit key or its folder. */
    public void warnIfKeysExposed() {
        java.util.List<java.nio.file.Path> exposed = ctx.exposedKeys();
        if (exposed.isEmpty()) return;
        java.util.logging.Logger.getLogger(AppWindow.class.getName())
                .warning("Other users of this computer can read the audit key or its folder: " + exposed);
        new DialogService(i18n, appearance, () -> stage).info(i18n.text("startup.keysExposed.title"),
                i18n.text("startup.keysExposed", exposed.get(exposed.size() - 1)));
    }

    public MainWindowController mainWindow() {
        return main;
    }

    public I18n i18n() {
        return i18n;
    }

    @Override
    public void signedIn() {
        showMain(null);
    }

    @Override
    public void signOut() {
        runner.perform(() -> ctx.authService().signOut(), this::showSignIn, e -> showSignIn());
    }

    @Override
    public void applyLanguage(Locale locale) {
        ctx.preferencesService().setLanguage(locale);
        String screen = main == null ? null : main.currentScreen();
        localize(locale);
        switch (showing == null ? Showing.SIGN_IN : showing) {
            case MAIN -> showMain(screen);
            case FIRST_ADMIN -> showFirstAdmin();
            case SIGN_IN -> showSignIn();
        }
    }

    /** Told when a restore replaced the context (the application closes the new one at exit). */
    public void setOnContextReplaced(java.util.function.Consumer<AppContext> listener) {
        this.onContextReplaced = listener;
    }

    @Override
    public void restoreWorkspace(java.nio.file.Path backup) {
        ctx.backupService().requireRestore();
        restoreWorkspace(backup, false, ctx.session().user().orElse(null));
    }

    /**
     * Restores the backup as the signed-in user (recorded so). A backup whose audit log does not verify is refused
     * first, with nothing changed; the user is then asked, and only on "restore anyway" is it restored.
     */
    private void restoreWorkspace(java.nio.file.Path backup, boolean acceptUnverified, io.byline.domain.User by) {
        DatabaseLocation location = ctx.location();
        io.byline.service.PasswordHasher hasher = ctx.hasher();
        java.time.Clock clock = ctx.clock();
        DialogService dialogs = new DialogService(i18n, appearance, () -> stage);
        I18n texts = i18n;
        showing = null;
        main = null;
        setRoot(io.byline.ui.startup.Splash.create(i18n, location.database()));
        runner.run(() -> {
            ctx.close();
            try {
                return AppContext.restore(location, backup, hasher, acceptUnverified, by);
            } catch (RuntimeException e) {
                throw new RestoreRefused(e, AppContext.open(location, false, hasher, clock));
            }
        }, restored -> {
            AppWindow w = reopen(restored.context());
            String done = texts.text("restore.done", backup.getFileName(), restored.previous() == null ? "—"
                    : restored.previous().getFileName());
            if (!restored.auditCheck().ok()) done += "\n" + texts.text("restore.done.auditBad", restored.auditCheck().problem());
            w.statusMessage(done);
        }, failure -> {
            if (failure instanceof RestoreRefused r && r.getCause() instanceof AppContext.UnverifiedBackup u) {
                AppWindow w = reopen(r.reopened);
                if (dialogs.confirm(texts.text("restore.unverified.title"), texts.text("restore.unverified.message",
                        backup.getFileName(), u.check().problem()), texts.text("restore.unverified.button"))) {
                    w.restoreWorkspace(backup, true, by);
                }
            } else if (failure instanceof RestoreRefused r) {
                reopen(r.reopened);
                I18n.Problem p = texts.problem(r.getCause());
                dialogs.error(new I18n.Problem(texts.text("restore.failed"), p.what() + ". " + p.action(), p.details()), null);
            } else {
                dialogs.error(failure);
            }
        });
    }

    /** A refused restore, with the workspace reopened as it was. */
    private static final class RestoreRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient AppContext reopened;

        RestoreRefused(RuntimeException cause, AppContext reopened) {
            super(cause);
            this.reopened = reopened;
        }
    }

    private AppWindow reopen(AppContext context) {
        AppWindow w = new AppWindow(context, stage, runner, appearance, registry);
        w.setOnContextReplaced(onContextReplaced);
        onContextReplaced.accept(context);
        w.showEntry();
        return w;
    }

    /** Tells the user what just happened to the workspace (over the sign-in window). */
    void statusMessage(String text) {
        new DialogService(i18n, appearance, () -> stage).info(i18n.text("restore.title"), text);
    }

    @Override
    public boolean openPost(PostLink link) {
        return main != null && main.openPost(link);
    }

    @Override
    public boolean openRisks(RisksLink link) {
        return main != null && main.openRisks(link);
    }

    @Override
    public void applyTheme(Theme theme) {
        ctx.preferencesService().setTheme(theme);
        appearance.themeProperty().set(theme);
    }
}
