package io.byline.ui.policy;

import io.byline.domain.PolicyEntry;
import io.byline.service.PolicyTransferService;
import io.byline.service.PolicyTransferService.ImportPreview;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.FormDialog;
import io.byline.ui.common.I18n;
import io.byline.ui.common.Severities;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The preview of an import: what would be added, changed and removed, and every error with its line. Apply is
 * offered only for a file without errors; it applies all of it in one transaction. "Replace the policy" previews
 * again with entries missing from the file retired.
 */
public final class ImportPreviewDialog {
    private ImportPreviewDialog() {}

    /** Shows the preview; {@code onApplied} runs with the result once applied. */
    public static Dialog<ButtonType> show(PolicyTransferService service, Path file, ImportPreview first, TaskRunner runner,
                                          I18n i18n, Appearance appearance, Window owner,
                                          Consumer<PolicyTransferService.ImportResult> onApplied, Consumer<Throwable> onFailure) {
        FormDialog form = FormDialog.create(owner, i18n, appearance, i18n.text("policy.import.title", first.fileName()),
                i18n.text("policy.import.apply"), "importDialog", 720);
        Dialog<ButtonType> dialog = form.dialog();
        ButtonType apply = form.confirm();
        Button applyButton = form.confirmButton();
        applyButton.setId("importApply");
        form.cancelButton().setId("importCancel");

        CheckBox replace = new CheckBox(i18n.text("policy.import.replace"));
        replace.setId("importReplace");
        replace.setSelected(first.replace());
        Label replaceHint = new Label(i18n.text("policy.import.replace.hint"));
        replaceHint.getStyleClass().add(StyleClasses.HINT);
        replaceHint.setWrapText(true);
        replaceHint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox body = new VBox();
        VBox content = new VBox(12, new VBox(2, replace, replaceHint), body);
        content.setPrefWidth(680);
        dialog.getDialogPane().setContent(content);

        ImportPreview[] current = {first};
        Runnable render = () -> {
            ImportPreview p = current[0];
            body.getChildren().setAll(body(p, i18n));
            applyButton.setDisable(!p.ok() || !p.hasChanges());
        };
        render.run();
        replace.selectedProperty().addListener((obs, old, now) -> {
            replace.setDisable(true);
            runner.run(() -> service.previewFile(file, now), p -> {
                current[0] = p;
                replace.setDisable(false);
                render.run();
            }, e -> {
                replace.setDisable(false);
                onFailure.accept(e);
            });
        });
        applyButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // apply in the background; close when done
            applyButton.setDisable(true);
            runner.run(() -> service.apply(current[0]), r -> {
                dialog.setResult(apply);
                dialog.close();
                onApplied.accept(r);
            }, ex -> {
                applyButton.setDisable(false);
                onFailure.accept(ex);
            });
        });
        dialog.setResultConverter(b -> b);
        dialog.show();
        return dialog;
    }

    private static Node body(ImportPreview p, I18n i18n) {
        Label summary = new Label(p.ok()
                ? (p.hasChanges() ? i18n.text("policy.import.summary", p.added().size(), p.changed().size(), p.removed().size(),
                        p.unchanged()) : i18n.text("policy.import.nothing"))
                : i18n.text("policy.import.rejected", p.errors().size()));
        summary.setId("importSummary");
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.getStyleClass().addAll(StyleClasses.BANNER);
        if (!p.ok()) summary.getStyleClass().add(StyleClasses.BANNER_ERROR);
        TabPane tabs = new TabPane();
        tabs.setId("importTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(300);
        if (!p.ok()) {
            List<String> errs = new ArrayList<>();
            for (PolicyTransferService.ImportError e : p.errors()) errs.add(PolicyProblems.describe(e, i18n));
            tabs.getTabs().add(tab(i18n.text("policy.import.tab.errors", errs.size()), "importErrors", errs, i18n));
        } else {
            tabs.getTabs().add(tab(i18n.text("policy.import.tab.added", p.added().size()), "importAdded",
                    p.added().stream().map(e -> line(e, i18n)).toList(), i18n));
            tabs.getTabs().add(tab(i18n.text("policy.import.tab.changed", p.changed().size()), "importChanged",
                    p.changed().stream().map(c -> line(c.after(), i18n) + "   ← " + diff(c.before(), c.after(), i18n)).toList(), i18n));
            tabs.getTabs().add(tab(i18n.text("policy.import.tab.removed", p.removed().size()), "importRemoved",
                    p.removed().stream().map(e -> line(e, i18n)).toList(), i18n));
            List<String> lists = new ArrayList<>();
            p.allowAdded().forEach(a -> lists.add("+ " + i18n.text("policy.import.allow") + ": " + a));
            p.allowRemoved().forEach(a -> lists.add("− " + i18n.text("policy.import.allow") + ": " + a));
            p.domainsAdded().forEach(a -> lists.add("+ " + i18n.text("policy.import.domain") + ": " + a));
            p.domainsRemoved().forEach(a -> lists.add("− " + i18n.text("policy.import.domain") + ": " + a));
            tabs.getTabs().add(tab(i18n.text("policy.import.tab.lists", lists.size()), "importLists", lists, i18n));
            tabs.getTabs().add(tab(i18n.text("policy.import.tab.errors", 0), "importErrors", List.of(), i18n));
            if (!p.warnings().isEmpty()) {
                List<String> warnings = p.warnings().stream()
                        .map(w -> PolicyProblems.reason(i18n, w.key(), w.args(), w.message())).toList();
                tabs.getTabs().add(0, tab(i18n.text("policy.import.tab.warnings", warnings.size()), "importWarnings", warnings, i18n));
                tabs.getSelectionModel().select(0);
                summary.setText(summary.getText() + " " + i18n.text("policy.import.warnings", warnings.size()));
            }
        }
        return new VBox(12, summary, tabs);
    }

    private static String line(PolicyEntry e, I18n i18n) {
        String kind = i18n.text(e.isPattern() ? "policy.kind.pattern" : "policy.kind.term");
        String sev = Severities.name(e.severity(), i18n);
        return kind + " · " + e.text() + " · " + e.category() + " · " + sev
                + (e.embargoUntil() == null ? "" : " · " + i18n.text("policy.import.until", e.embargoUntil().toString().substring(0, 10)));
    }

    private static String diff(PolicyEntry a, PolicyEntry b, I18n i18n) {
        List<String> parts = new ArrayList<>();
        if (!a.category().equals(b.category())) parts.add(i18n.text("policy.field.category") + " " + a.category());
        if (a.severity() != b.severity()) {
            parts.add(i18n.text("policy.field.severity") + " " + Severities.name(a.severity(), i18n));
        }
        if (!java.util.Objects.equals(a.embargoUntil(), b.embargoUntil())) {
            parts.add(i18n.text("policy.field.embargo") + " " + (a.embargoUntil() == null ? "—" : a.embargoUntil().toString().substring(0, 10)));
        }
        if (!a.note().equals(b.note())) parts.add(i18n.text("policy.field.note"));
        if (!a.text().equals(b.text())) parts.add(a.text());
        return String.join(", ", parts);
    }

    private static Tab tab(String title, String id, List<String> items, I18n i18n) {
        ListView<String> list = new ListView<>();
        list.getItems().setAll(items);
        list.setId(id);
        list.setAccessibleText(title);
        list.setPlaceholder(new Label(i18n.text("policy.import.none")));
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
            }
        });
        Tab t = new Tab(title, list);
        t.setId(id + "Tab");
        return t;
    }

    /** A one-line summary for the status bar after an import. */
    static String done(PolicyTransferService.ImportResult r, I18n i18n) {
        return i18n.text("policy.import.done", r.added(), r.changed(), r.removed(), r.version());
    }
}
