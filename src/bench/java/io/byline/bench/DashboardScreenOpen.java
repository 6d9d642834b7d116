package io.byline.bench;

import io.byline.AppContext;
import io.byline.AppWindow;
import io.byline.service.DemoWorkspace;
import io.byline.service.PasswordHasher;
import io.byline.service.PreferencesService.Theme;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.FxTaskRunner;
import io.byline.ui.shell.ScreenRegistry;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Opening the Dashboard as the user experiences it: the real main window (headless, software rendering) on a
 * generated workspace, signed in, everything the sign-in started finished; then a click on Dashboard in the
 * navigation, timed until a layout pulse has laid out every chart with its bars. The first open in the JVM (FXML,
 * chart classes, CSS and the queries all cold), then warm opens: away to the first screen and back, as often as asked.
 * Prints the times and the process CPU time; no assertion.
 *
 * <pre>mvn -Pbench package -DskipTests && java -cp target/benchmarks.jar io.byline.bench.DashboardScreenOpen [posts] [warm opens]</pre>
 *
 * The workspace is generated once into {@code target/bench} (or {@code -Dbyline.bench.dir}) and reused.
 */
public final class DashboardScreenOpen {
    /** The chart cards the Dashboard shows, by id. */
    private static final List<String> CHARTS = List.of("postsChart", "dueChart", "turnaroundChart", "findingsChart",
            "categoriesChart", "overridesRuleChart", "overridesUserChart");

    private DashboardScreenOpen() {}

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        headless();
        Path root = Path.of(System.getProperty("byline.bench.dir", "target/bench"));
        var location = WorkspaceGenerator.ensure(root, posts);
        long started = System.nanoTime();
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Platform.setImplicitExit(false);
        AppContext ctx = AppContext.open(location, false, new PasswordHasher(1_000));
        ctx.preferencesService().setLanguage(Locale.ENGLISH);
        FxTaskRunner runner = new FxTaskRunner();
        try {
            AppWindow window = onFx(() -> {
                Stage stage = new Stage();
                stage.setScene(new Scene(new StackPane(), 1200, 780));
                stage.show();
                AppWindow w = new AppWindow(ctx, stage, runner, new Appearance(Theme.LIGHT), ScreenRegistry.standard());
                w.showEntry();
                return w;
            });
            ctx.authService().signIn("andi", DemoWorkspace.PASSWORD.toCharArray()).orElseThrow();
            onFx(() -> {
                window.showMain(null);
                return null;
            });
            idle(runner, 300);
            System.out.printf("workspace of %,d posts: main window up and idle %.0f ms after start%n", posts,
                    (System.nanoTime() - started) / 1e6);
            String home = onFx(() -> window.mainWindow().currentScreen());
            long cpu0 = cpu();
            Open first = open(window, runner);
            System.out.printf("first Dashboard open: first chart %.0f ms, every chart %.0f ms (FX thread CPU %.0f ms;"
                    + " process CPU until idle %.0f ms)%n", first.firstChart() / 1e6, first.allCharts() / 1e6,
                    first.fxCpu() / 1e6, (cpu() - cpu0) / 1e6);
            long[] all = new long[warm];
            for (int i = 0; i < warm; i++) {
                navigate(window, runner, home);
                all[i] = open(window, runner).allCharts();
            }
            if (warm > 0) {
                Arrays.sort(all);
                System.out.printf("warm Dashboard opens (away to %s and back), every chart redrawn with new figures:"
                        + " median %.0f ms, best %.0f ms, worst %.0f ms of %d%n", home, all[warm / 2] / 1e6, all[0] / 1e6,
                        all[warm - 1] / 1e6, warm);
            }
        } finally {
            runner.close();
            ctx.close();
            Platform.exit();
        }
    }

    /** What one open took: to the first chart drawn, and to every chart drawn with figures computed for this open. */
    private record Open(long firstChart, long allCharts, long fxCpu) {}

    /**
     * Clicks Dashboard in the navigation and waits, pulse by pulse, until every chart card computed for this open
     * (not one left from an earlier open) has been laid out with its bars or its empty state.
     */
    private static Open open(AppWindow window, FxTaskRunner runner) throws Exception {
        CompletableFuture<Open> shown = new CompletableFuture<>();
        AtomicLong t0 = new AtomicLong();
        AtomicLong first = new AtomicLong(-1);
        AtomicLong fxCpu0 = new AtomicLong();
        onFx(() -> {
            Scene scene = sceneOf(window);
            Set<Node> before = Collections.newSetFromMap(new IdentityHashMap<>());
            Runnable check = new Runnable() {
                @Override
                public void run() {
                    if (shown.isDone()) return;
                    int drawn = 0;
                    for (Node card : cards(scene).values()) {
                        if (!before.contains(card) && drawn(card)) drawn++;
                    }
                    if (drawn > 0 && first.get() < 0) first.set(System.nanoTime() - t0.get());
                    if (drawn == CHARTS.size()) {
                        long all = System.nanoTime() - t0.get();
                        scene.removePostLayoutPulseListener(this);
                        shown.complete(new Open(first.get(), all, threadCpu() - fxCpu0.get()));
                    }
                }
            };
            scene.addPostLayoutPulseListener(check);
            ButtonBase nav = (ButtonBase) scene.lookup("#nav-dashboard");
            fxCpu0.set(threadCpu());
            t0.set(System.nanoTime());
            nav.fire();
            before.addAll(cards(scene).values()); // what the screen shows at once: charts of an earlier open, or none
            Platform.requestNextPulse();
            return null;
        });
        Open o = shown.get(120, TimeUnit.SECONDS);
        idle(runner, 120);
        return o;
    }

    private static Map<String, Node> cards(Scene scene) {
        Map<String, Node> out = new java.util.LinkedHashMap<>();
        for (String id : CHARTS) {
            Node card = scene.lookup("#" + id);
            if (card != null) out.put(id, card);
        }
        return out;
    }

    /** A chart card in the scene, laid out, with its bars (or its empty state). */
    private static boolean drawn(Node card) {
        if (card.getScene() == null || card.getLayoutBounds().getHeight() <= 0) return false;
        Node bar = card.lookup(".chart-bar");
        return bar != null && bar.getLayoutBounds().getHeight() > 0 || card.lookup(".chart-empty") != null;
    }

    private static void navigate(AppWindow window, FxTaskRunner runner, String screen) throws Exception {
        onFx(() -> {
            ((ButtonBase) sceneOf(window).lookup("#nav-" + screen)).fire();
            return null;
        });
        idle(runner, 60);
    }

    private static Scene sceneOf(AppWindow window) {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().lookup("#nav-dashboard") != null) return w.getScene();
        }
        throw new IllegalStateException("no main window");
    }

    private static void idle(FxTaskRunner runner, int seconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFx(runner::idle)) {
            if (System.nanoTime() > until) throw new IllegalStateException("background work did not finish");
            Thread.sleep(5);
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(600, TimeUnit.SECONDS);
    }

    /** CPU time of the calling thread (the FX thread here). */
    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long cpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Headless Monocle with software rendering, as the screen tests run, unless set otherwise. */
    private static void headless() {
        for (String[] p : new String[][] {{"glass.platform", "Monocle"}, {"monocle.platform", "Headless"},
                {"prism.order", "sw"}, {"prism.text", "t2k"}, {"java.awt.headless", "true"}}) {
            if (System.getProperty(p[0]) == null) System.setProperty(p[0], p[1]);
        }
    }
}
