package io.byline.ui.startup;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * Start-up measurement: with {@code -Dbyline.startupProbe=true} the app prints how long it took from the start
 * of the JVM to the first laid-out pulse of the entry window (sign-in or first-admin setup), then quits.
 * Used by {@code dist/measure-startup.sh} and by the class-data-sharing training run of {@code dist/package.sh}.
 * Off by default; costs one property read when off.
 */
public final class StartupProbe {
    public static final String PROPERTY = "byline.startupProbe";
    private static boolean reported;

    private StartupProbe() {}

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Call when the entry screen has become the scene's root; reports after it has been laid out, then exits. */
    public static void entryShown(Scene scene, String screen) {
        if (!enabled() || reported || scene == null) return;
        reported = true;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // the frame is rendered on the next pulse; let it happen before reporting
            io.byline.ui.common.FxTaskRunner.later(() -> {
                report(System.out, screen, Instant.now());
                Platform.exit();
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /**
     * One line: {@code ms} since the JVM started (its own clock, millisecond resolution) and {@code at}, the wall
     * clock in epoch milliseconds, so a script can also take the time from the moment it launched the process.
     */
    static void report(PrintStream out, String screen, Instant now) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        out.println("byline.startupProbe screen=" + screen + " ms=" + (now.toEpochMilli() - jvmStart)
                + " at=" + now.toEpochMilli());
        out.flush();
    }
}
