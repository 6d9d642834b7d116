package io.byline;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class BylineApp extends Application {
    static void launchWith(String[] args) {
        Application.launch(BylineApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        throw new UnsupportedOperationException("the main window is not built yet");
    }
}
