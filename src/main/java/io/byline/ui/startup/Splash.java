package io.byline.ui.startup;

import io.byline.ui.common.I18n;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.nio.file.Path;

/** What the window shows while the workspace opens (checks and migrations run in the background). */
public final class Splash {
    private Splash() {}

    public static Parent create(I18n i18n, Path database) {
        Label mark = new Label("B");
        mark.getStyleClass().add("brand-mark-large");
        Label name = new Label("Byline");
        name.getStyleClass().add("page-title");
        Label opening = new Label(i18n.text("startup.opening"));
        opening.getStyleClass().add("muted");
        Label file = new Label(database.toString());
        file.getStyleClass().add("hint");
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(240);
        VBox box = new VBox(12, mark, name, opening, bar, file);
        box.setAlignment(Pos.CENTER);
        StackPane root = new StackPane(box);
        root.getStyleClass().add("splash");
        return root;
    }
}
