package io.byline;

import io.byline.cli.Cli;

/**
 * Plain entry point (not an {@code Application}, so the runnable jar starts on the class path):
 * no verb opens the app, a verb runs a headless command.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        LibraryLogging.quietLibraries();
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        BylineApp.launchWith(args);
    }
}
