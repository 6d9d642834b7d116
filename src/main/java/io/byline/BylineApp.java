package io.byline;

import io.byline.domain.StorageException;
import io.byline.service.PasswordHasher;
import io.byline.service.PreferencesService;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.FxTaskRunner;
import io.byline.ui.common.I18n;
import io.byline.ui.shell.ScreenRegistry;
import io.byline.ui.startup.Splash;
import io.byline.store.Database;
import io.byline.store.DatabaseLocation;
import io.byline.store.PreferencesFile;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.logging.Logger;

/**
 * The JavaFX application: resolves the database ({@code --db FILE}, else {@code BYLINE_HOME}, else
 * {@code ~/.byline}), opens it in the background behind a splash, and handles every way that can fail.
 * {@code --empty} starts a new default database without the demo.
 */
public final class BylineApp extends Application {
    private static final Logger LOG = Logger.getLogger(BylineApp.class.getName());

    private final FxTaskRunner runner = new FxTaskRunner();
    private Stage stage;
    private DatabaseLocation location;
    private boolean seedDemo;
    private I18n i18n;
    private Appearance appearance;
    private AppContext ctx;
    /** The last "unusable database" failure, shown again when the user cancels the backup chooser. */
    private StorageException unusable;

    /**
     * The first open of the database, started on a plain thread before the toolkit (see {@link #launchWith}); the
     * window takes it over once it is up. Null when the app was started another way.
     */
    private static volatile EarlyOpen early;

    /** A database being opened in the background for the given options. */
    private record EarlyOpen(Options options, FutureTask<AppContext> task) {}

    /**
     * Starts opening the database (migrations, audit key, services) at once, on its own thread, and then the
     * toolkit: both take several hundred milliseconds, so doing them side by side brings the sign-in window up
     * sooner. The window shows a splash while it waits, and handles a failure exactly as it would its own open.
     */
    static void launchWith(String[] args) {
        Options options = Options.parse(List.of(args));
        DatabaseLocation location = DatabaseLocation.resolve(options.db(), System.getenv());
        boolean seed = location.isDefault() && !options.empty();
        FutureTask<AppContext> task = new FutureTask<>(() -> AppContext.open(location, seed));
        Thread opener = new Thread(task, "byline-open");
        opener.setDaemon(true);
        early = new EarlyOpen(options, task);
        opener.start();
        Application.launch(BylineApp.class, args);
    }

    /** The options the window understands. */
    record Options(String db, boolean empty) {
        static Options parse(List<String> args) {
            String db = null;
            boolean empty = false;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--db") && i + 1 < args.size()) db = args.get(++i);
                else if (a.startsWith("--db=")) db = a.substring("--db=".length());
                else if (a.equals("--empty")) empty = true;
                else LOG.warning("ignoring the unknown option " + a + " (java -jar byline.jar --help lists the options)");
            }
            return new Options(db, empty);
        }
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        EarlyOpen pending = early;
        early = null;
        Options options = pending != null ? pending.options() : Options.parse(getParameters().getRaw());
        location = DatabaseLocation.resolve(options.db(), System.getenv());
        // only a new default database is seeded with the demo; --db FILE and --empty start empty
        seedDemo = location.isDefault() && !options.empty();
        PreferencesService prefs = new PreferencesService(new PreferencesFile(location.home()));
        i18n = I18n.of(prefs.language());
        appearance = new Appearance(prefs.theme());
        // the database usually opens while the toolkit starts: then the sign-in window comes straight up, without
        // a splash that would be drawn once only to be replaced
        boolean ready = pending != null && pending.task().isDone() && opened(pending) != null;
        Scene scene = new Scene(ready ? new StackPane() : Splash.create(i18n, location.database()), 1200, 780);
        appearance.style(scene);
        stage.setScene(scene);
        stage.setTitle("Byline");
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        if (ready) {
            showWindow(opened(pending));
            stage.show();
            return;
        }
        stage.show();
        if (pending != null) open(() -> take(pending));
        else open();
    }

    /** Waits for the early open: its context, or what it failed with. */
    private static AppContext take(EarlyOpen pending) throws Exception {
        try {
            return pending.task().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) throw error;
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The context the early open made, or null when it failed (the normal path then reports the failure). */
    private static AppContext opened(EarlyOpen pending) {
        try {
            return take(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception | Error e) {
            return null; // reported when the normal path takes it again
        }
    }

    private void open() {
        open(() -> AppContext.open(location, seedDemo));
    }

    private void open(Callable<AppContext> opening) {
        stage.getScene().setRoot(Splash.create(i18n, location.database()));
        runner.run(opening, this::showWindow, this::openFailed);
    }

    private void showWindow(AppContext opened) {
        ctx = opened;
        AppWindow window = new AppWindow(ctx, stage, runner, appearance, ScreenRegistry.standard());
        window.setOnContextReplaced(replaced -> ctx = replaced);
        window.showEntry();
        window.warnIfKeysExposed();
        // the daily backup, once the window is up; a failure is logged, never fatal
        runner.run(() -> opened.runStartupTasks(java.time.Instant.now()), failed -> {}, e -> {});
    }

    private void openFailed(Throwable failure) {
        DialogService dialogs = new DialogService(i18n, appearance, () -> stage);
        if (!(failure instanceof StorageException se)) {
            dialogs.error(failure);
            Platform.exit();
            return;
        }
        I18n.Problem problem = i18n.problem(se);
        switch (se.kind()) {
            case UNUSABLE -> {
                unusable = se;
                int choice = dialogs.choose(problem.what(), problem.action(), se.getMessage(), List.of(
                        i18n.text("startup.unusable.moveAside"), i18n.text("startup.unusable.restore"),
                        i18n.text("common.quit"))).orElse(2);
                if (choice == 0) retry(() -> Database.moveAside(location.database()));
                else if (choice == 1) restore(dialogs);
                else Platform.exit();
            }
            case BUSY, DISK_FULL, FAILED, REFUSED, MISSING -> {
                int choice = dialogs.choose(problem.what(), problem.action(), se.getMessage(), List.of(
                        i18n.text("startup.retry"), i18n.text("common.quit"))).orElse(1);
                if (choice == 0) open();
                else Platform.exit();
            }
            case LOCKED -> {
                dialogs.error(problem, null);
                Platform.exit();
            }
        }
    }

    private void restore(DialogService dialogs) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("startup.restore.title"));
        Path backups = location.backups();
        if (Files.isDirectory(backups)) chooser.setInitialDirectory(backups.toFile());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.text("startup.restore.filter"), "*.db", "*.sqlite"));
        File file = chooser.showOpenDialog(stage);
        if (file == null) {
            openFailed(unusable);
            return;
        }
        restoreFrom(dialogs, file.toPath(), false);
    }

    /** Restores, then opens; a backup whose audit log does not verify is restored only once the user says so. */
    private void restoreFrom(DialogService dialogs, Path file, boolean acceptUnverified) {
        runner.run(() -> {
            AppContext.restore(location, file, new PasswordHasher(), acceptUnverified, null).context().close();
            return Boolean.TRUE;
        }, ok -> open(), e -> {
            if (e instanceof AppContext.UnverifiedBackup u && dialogs.confirm(i18n.text("restore.unverified.title"),
                    i18n.text("restore.unverified.message", file.getFileName(), u.check().problem()),
                    i18n.text("restore.unverified.button"))) {
                restoreFrom(dialogs, file, true);
            } else {
                openFailed(e);
            }
        });
    }

    /** Runs a repair in the background, then opens again (a failed repair is reported like a failed open). */
    private void retry(TaskRunnerAction repair) {
        runner.run(() -> {
            repair.run();
            return Boolean.TRUE;
        }, ok -> open(), this::openFailed);
    }

    @FunctionalInterface
    private interface TaskRunnerAction {
        void run();
    }

    @Override
    public void stop() {
        if (ctx != null) ctx.close();
        runner.close();
    }
}
