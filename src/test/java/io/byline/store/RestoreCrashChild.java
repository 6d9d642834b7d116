package io.byline.store;

import io.byline.AppContext;
import io.byline.service.PasswordHasher;
import io.byline.testing.TestWorkspace;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link RestoreAndBackupHardeningTest}: restores a backup and dies (halt, as kill -9 would) right
 * after the current database was moved aside, before the restored copy is moved in. Arguments: workspace folder, backup.
 */
public final class RestoreCrashChild {
    private RestoreCrashChild() {}

    public static void main(String[] args) {
        DatabaseRestore.betweenMoves = () -> {
            System.out.println("MOVED ASIDE");
            System.out.flush();
            Runtime.getRuntime().halt(9);
        };
        AppContext.restore(TestWorkspace.location(Path.of(args[0])), Path.of(args[1]),
                new PasswordHasher(TestWorkspace.FAST_ITERATIONS));
        System.out.println("NOT REACHED");
    }
}
