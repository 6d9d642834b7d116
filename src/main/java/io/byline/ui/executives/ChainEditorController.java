package io.byline.ui.executives;

import io.byline.domain.Capacity;
import io.byline.domain.Executive;
import io.byline.domain.Role;
import io.byline.domain.StepRule;
import io.byline.service.ChainService;
import io.byline.service.Session;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.I18n;
import io.byline.ui.common.Icons;
import io.byline.ui.common.ShellStatus;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

import java.util.Locale;

/** The "Approval chains" tab of the Executives screen: ordered sign-off steps per executive and capacity. */
public final class ChainEditorController {
    private final ChainEditorViewModel model;
    private final I18n i18n;
    private final DialogService dialogs;

    @FXML private ToggleButton officialToggle;
    @FXML private ToggleButton personalToggle;
    @FXML private Label builtInLabel;
    @FXML private Label readOnlyLabel;
    @FXML private VBox stepsBox;
    @FXML private javafx.scene.control.ScrollPane stepsScroll;
    private boolean revealLast;
    @FXML private Label stepsError;
    @FXML private Button addStepButton;
    @FXML private HBox buttons;
    @FXML private Button revertChainButton;
    @FXML private Button saveChainButton;

    public ChainEditorController(ChainService chains, Session session, TaskRunner runner, I18n i18n, DialogService dialogs,
                                 ShellStatus status) {
        this.model = new ChainEditorViewModel(chains, session, runner);
        this.i18n = i18n;
        this.dialogs = dialogs;
        model.setOnSaved(status::saved);
    }

    @FXML
    private void initialize() {
        ToggleGroup g = new ToggleGroup();
        officialToggle.setToggleGroup(g);
        personalToggle.setToggleGroup(g);
        officialToggle.setSelected(true);
        g.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
                return;
            }
            Capacity want = t == personalToggle ? Capacity.PERSONAL : Capacity.OFFICIAL;
            if (want == model.capacityProperty().get()) return;
            if (model.hasUnsavedChanges() && !dialogs.confirm(i18n.text("shell.unsaved.title"), i18n.text("shell.unsaved.message"),
                    i18n.text("shell.unsaved.discard"))) {
                a.setSelected(true);
                return;
            }
            model.capacityProperty().set(want);
        });
        builtInLabel.visibleProperty().bind(model.builtInProperty());
        builtInLabel.managedProperty().bind(builtInLabel.visibleProperty());
        readOnlyLabel.setVisible(!model.canEdit());
        readOnlyLabel.setManaged(!model.canEdit());
        show(addStepButton, model.canEdit());
        show(buttons, model.canEdit());
        addStepButton.setGraphic(Icons.of(Icons.ADD));
        saveChainButton.disableProperty().bind(model.dirtyProperty().not().or(model.busyProperty()));
        revertChainButton.disableProperty().bind(model.dirtyProperty().not());
        stepsError.getStyleClass().add(StyleClasses.FIELD_ERROR);
        stepsError.managedProperty().bind(stepsError.visibleProperty());
        model.errors().addListener((javafx.collections.MapChangeListener<String, String>) c -> {
            String e = model.errors().get("steps");
            stepsError.setText(e == null ? "" : i18n.keyOrText(e));
            stepsError.setVisible(e != null);
        });
        stepsError.setVisible(false);
        model.steps().addListener((ListChangeListener<ChainEditorViewModel.Step>) c -> rebuild());
        model.failureProperty().addListener((o, a, e) -> {
            if (e == null) return;
            model.failureProperty().set(null);
            dialogs.error(e);
        });
        rebuild();
    }

    /** Shows the chains of the executive (null or a new one: nothing to edit yet). */
    public void show(Executive e) {
        model.show(e == null || e.id() == 0 ? null : e.id());
    }

    public boolean hasUnsavedChanges() {
        return model.hasUnsavedChanges();
    }

    public ChainEditorViewModel model() {
        return model;
    }

    private void rebuild() {
        stepsBox.getChildren().clear();
        if (model.steps().isEmpty()) {
            Label none = new Label(i18n.text(model.canEdit() ? "chains.empty.edit" : "chains.empty.view"));
            none.getStyleClass().add(StyleClasses.MUTED);
            none.setWrapText(true);
            stepsBox.getChildren().add(none);
            return;
        }
        boolean edit = model.canEdit();
        for (int i = 0; i < model.steps().size(); i++) {
            ChainEditorViewModel.Step s = model.steps().get(i);
            Label number = new Label(String.valueOf(i + 1));
            number.getStyleClass().add("step-number");
            TextField name = new TextField();
            name.setId("stepName-" + i);
            name.textProperty().bindBidirectional(s.nameProperty());
            name.setEditable(edit);
            name.setPromptText(i18n.text("chains.step.name.prompt"));
            name.setAccessibleText(i18n.text("chains.step.name"));
            HBox.setHgrow(name, Priority.ALWAYS);
            FlowPane roles = new FlowPane(12, 6);
            for (Role r : ChainEditorViewModel.SIGNING_ROLES) {
                CheckBox cb = new CheckBox(i18n.text("role." + r.name().toLowerCase(Locale.ROOT)));
                cb.setId("stepRole-" + i + "-" + r.name().toLowerCase(Locale.ROOT));
                cb.selectedProperty().bindBidirectional(s.roleProperty(r));
                cb.setDisable(!edit);
                roles.getChildren().add(cb);
            }
            ComboBox<StepRule> rule = new ComboBox<>();
            rule.setId("stepRule-" + i);
            rule.getItems().setAll(StepRule.values());
            rule.setConverter(new StringConverter<>() {
                @Override public String toString(StepRule r) {
                    return r == null ? "" : i18n.text(r == StepRule.ALL ? "chains.rule.all.choice" : "chains.rule.any.choice");
                }
                @Override public StepRule fromString(String t) { return null; }
            });
            rule.valueProperty().bindBidirectional(s.ruleProperty());
            rule.setDisable(!edit);
            rule.setAccessibleText(i18n.text("chains.step.rule"));
            HBox top = new HBox(8, number, name, rule);
            top.setAlignment(Pos.CENTER_LEFT);
            if (edit) {
                Button up = iconButton(MaterialDesignA.ARROW_UP, "chains.step.up");
                up.setDisable(i == 0);
                up.setOnAction(e -> model.move(s, -1));
                Button down = iconButton(MaterialDesignA.ARROW_DOWN, "chains.step.down");
                down.setDisable(i == model.steps().size() - 1);
                down.setOnAction(e -> model.move(s, 1));
                Button remove = iconButton(MaterialDesignD.DELETE_OUTLINE, "chains.step.remove");
                remove.setId("stepRemove-" + i);
                remove.getStyleClass().add("ghost-danger");
                remove.setOnAction(e -> model.remove(s));
                top.getChildren().addAll(up, down, remove);
            }
            Label rolesLabel = new Label(i18n.text("chains.step.roles"));
            rolesLabel.getStyleClass().add(StyleClasses.HINT);
            HBox rolesRow = new HBox(8, rolesLabel, roles);
            rolesRow.setAlignment(Pos.CENTER_LEFT);
            VBox row = new VBox(8, top, rolesRow);
            row.getStyleClass().add("chain-step");
            stepsBox.getChildren().add(row);
            if (revealLast && i == model.steps().size() - 1) {
                revealLast = false;
                io.byline.ui.common.FxTaskRunner.later(() -> {
                    stepsScroll.layout();
                    stepsScroll.setVvalue(stepsScroll.getVmax());
                    name.requestFocus();
                });
            }
        }
    }

    private Button iconButton(org.kordamp.ikonli.Ikon icon, String key) {
        Button b = new Button();
        b.setGraphic(Icons.of(icon));
        b.getStyleClass().add(StyleClasses.GHOST);
        b.setTooltip(new Tooltip(i18n.text(key)));
        b.setAccessibleText(i18n.text(key));
        return b;
    }

    @FXML
    private void addStep() {
        revealLast = true;
        model.addStep();
    }

    @FXML
    private void revertChain() {
        model.revert();
    }

    @FXML
    private void saveChain() {
        model.save();
    }

    private static void show(javafx.scene.Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
