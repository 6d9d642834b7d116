package io.byline.ui.policy;

import io.byline.service.PolicyBenchService;
import io.byline.service.PolicyService;
import io.byline.service.PolicyBenchService.BenchExample;
import io.byline.service.PolicyBenchService.BenchResult;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.FormDialog;
import io.byline.ui.common.I18n;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;

import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;

/**
 * The rule test bench, shown before a policy change is saved: runs the stored and the changed policy over the
 * posts in the queue and the archive in the background (with progress; Cancel stops it) and shows how many posts
 * would be newly flagged or no longer flagged, with examples. The change is saved only from here.
 */
public final class TestBenchDialog {
    /** Runs the bench off the FX thread, reporting progress, stopping when cancelled. */
    static final class TestBenchTask extends Task<BenchResult> {
        private final PolicyBenchService service;
        private final PolicyService.Candidate candidate;

        TestBenchTask(PolicyBenchService service, PolicyService.Candidate candidate) {
            this.service = service;
            this.candidate = candidate;
        }

        @Override
        protected BenchResult call() {
            return service.testBench(candidate, (done, total) -> updateProgress(done, total), this::isCancelled);
        }
    }

    private TestBenchDialog() {}

    /**
     * Shows the bench for a change; {@code onConfirm} runs (on the FX thread) when the user saves it.
     *
     * @param what a line saying what the change is ("Add the term …" is avoided: terms stay off screen captures)
     */
    public static Dialog<ButtonType> show(PolicyBenchService service, PolicyService.Candidate candidate, TaskRunner runner,
                                          I18n i18n, Appearance appearance, Window owner, String what, String saveLabel,
                                          Runnable onConfirm) {
        FormDialog form = FormDialog.create(owner, i18n, appearance, i18n.text("policy.bench.title"), saveLabel,
                "benchDialog", 640);
        Dialog<ButtonType> dialog = form.dialog();
        ButtonType save = form.confirm();
        Button saveButton = form.confirmButton();
        saveButton.setId("benchSave");
        saveButton.setDisable(true);
        form.cancelButton().setId("benchCancel");

        Label intro = new Label(what + "\n" + i18n.text("policy.bench.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(StyleClasses.MUTED);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("benchProgress");
        Label running = new Label(i18n.text("policy.bench.running"));
        running.getStyleClass().add(StyleClasses.HINT);
        VBox progress = new VBox(6, bar, running);
        VBox results = new VBox(12);
        results.setId("benchResults");
        VBox content = new VBox(14, intro, progress, results);
        content.setPrefWidth(600);
        dialog.getDialogPane().setContent(content);

        TestBenchTask task = new TestBenchTask(service, candidate);
        bar.progressProperty().bind(task.progressProperty());
        task.stateProperty().addListener((obs, old, now) -> {
            if (now == Worker.State.SUCCEEDED) {
                content.getChildren().remove(progress);
                results.getChildren().setAll(results(task.getValue(), i18n));
                saveButton.setDisable(false);
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            } else if (now == Worker.State.FAILED) {
                running.setText(i18n.text("policy.bench.failed"));
                saveButton.setDisable(false);
            }
        });
        dialog.setResultConverter(b -> b);
        dialog.setOnHidden(e -> {
            if (task.isRunning()) task.cancel();
            if (dialog.getResult() == save) onConfirm.run();
        });
        runner.run(() -> {
            task.run();
            return Boolean.TRUE;
        }, ok -> { }, e -> { });
        dialog.show();
        return dialog;
    }

    private static List<Node> results(BenchResult r, I18n i18n) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(8);
        grid.add(head(""), 0, 0);
        grid.add(head(i18n.text("policy.bench.newly")), 1, 0);
        grid.add(head(i18n.text("policy.bench.cleared")), 2, 0);
        grid.add(new Label(i18n.text("policy.bench.queue")), 0, 1);
        grid.add(count(r.queueNewlyFlagged(), "benchQueueNew"), 1, 1);
        grid.add(count(r.queueCleared(), "benchQueueCleared"), 2, 1);
        grid.add(new Label(i18n.text("policy.bench.archive")), 0, 2);
        grid.add(count(r.archiveNewlyFlagged(), "benchArchiveNew"), 1, 2);
        grid.add(count(r.archiveCleared(), "benchArchiveCleared"), 2, 2);
        Label checked = new Label(i18n.text("policy.bench.checked", r.postsChecked()));
        checked.getStyleClass().add(StyleClasses.HINT);
        VBox out = new VBox(10, grid, checked);
        if (r.noEffect()) {
            Label none = new Label(i18n.text("policy.bench.noEffect"));
            none.setWrapText(true);
            none.getStyleClass().add(StyleClasses.BANNER);
            none.setMaxWidth(Double.MAX_VALUE);
            none.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            out.getChildren().add(none);
        }
        if (!r.newlyFlagged().isEmpty()) out.getChildren().add(examples(i18n.text("policy.bench.examples.newly"), r.newlyFlagged(), i18n));
        if (!r.cleared().isEmpty()) out.getChildren().add(examples(i18n.text("policy.bench.examples.cleared"), r.cleared(), i18n));
        return List.of(out);
    }

    private static Node examples(String title, List<BenchExample> examples, I18n i18n) {
        VBox box = new VBox(6);
        Label t = new Label(title);
        t.getStyleClass().add(StyleClasses.FIELD_LABEL);
        box.getChildren().add(t);
        for (BenchExample e : examples) {
            Label where = new Label(i18n.text("policy.bench.example", e.postId(), e.executive(), e.platform().displayName(),
                    i18n.text(e.published() ? "policy.bench.published" : "policy.bench.queued")));
            where.getStyleClass().add(StyleClasses.HINT);
            Label snippet = new Label(e.snippet());
            snippet.setWrapText(true);
            snippet.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            VBox one = new VBox(2, where, snippet);
            one.getStyleClass().add("bench-example");
            box.getChildren().add(one);
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(220, 56 * examples.size() + 24));
        return scroll;
    }

    private static Label head(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.FIELD_LABEL);
        return l;
    }

    private static Node count(int n, String id) {
        Label l = new Label(String.valueOf(n));
        l.setId(id);
        l.getStyleClass().add("bench-count");
        if (n > 0) l.getStyleClass().add("bench-count-some");
        HBox box = new HBox(l);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
