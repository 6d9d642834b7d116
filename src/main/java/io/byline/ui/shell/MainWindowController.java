package io.byline.ui.shell;

import io.byline.domain.Role;
import io.byline.service.Session;
import io.byline.service.WorkspaceService;
import io.byline.ui.common.AppActions;
import io.byline.ui.common.BackgroundWork;
import io.byline.ui.common.PostLink;
import io.byline.ui.common.RisksLink;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.FxmlViews;
import io.byline.ui.common.I18n;
import io.byline.ui.common.Icons;
import io.byline.ui.common.Screen;
import io.byline.ui.common.ShellStatus;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.controlsfx.control.StatusBar;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The main window: header with workspace and user menu, navigation from the {@link ScreenRegistry}, content, status bar. */
public final class MainWindowController {
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    private final FxmlViews views;
    private final I18n i18n;
    private final DialogService dialogs;
    private final AppActions actions;
    private final ShellStatus status;
    private final MainWindowViewModel model;
    private final BackgroundWork work;
    private final List<Node> taskNodes = new java.util.ArrayList<>();
    private final Map<String, FxmlViews.View<?>> loaded = new HashMap<>();
    private final Map<String, ToggleButton> navButtons = new HashMap<>();
    private final ToggleGroup navGroup = new ToggleGroup();

    @FXML private Label workspaceLabel;
    @FXML private MenuButton userMenu;
    @FXML private MenuItem settingsItem;
    @FXML private MenuItem signOutItem;
    @FXML private MenuItem backupItem;
    @FXML private MenuItem restoreItem;
    @FXML private SeparatorMenuItem backupSeparator;
    private final BackupMenu backupMenu;
    @FXML private VBox nav;
    @FXML private StackPane content;
    @FXML private StatusBar statusBar;

    public MainWindowController(FxmlViews views, ScreenRegistry registry, Session session, WorkspaceService workspace,
                                TaskRunner runner, DialogService dialogs, AppActions actions, ShellStatus status,
                                BackgroundWork work, BackupMenu backupMenu) {
        this.work = work;
        this.backupMenu = backupMenu;
        this.views = views;
        this.i18n = views.i18n();
        this.dialogs = dialogs;
        this.actions = actions;
        this.status = status;
        this.model = new MainWindowViewModel(session.require(), registry, workspace, runner, views::create);
    }

    @FXML
    private void initialize() {
        workspaceLabel.textProperty().bind(model.workspaceNameProperty());
        userMenu.setText(model.user().displayName());
        userMenu.setGraphic(avatar(model.user().displayName()));
        Label roles = new Label(rolesText(model.roles()));
        roles.getStyleClass().add(StyleClasses.HINT);
        CustomMenuItem rolesItem = new CustomMenuItem(roles, false);
        rolesItem.setDisable(true);
        userMenu.getItems().add(0, rolesItem);
        userMenu.getItems().add(1, new SeparatorMenuItem());
        settingsItem.setGraphic(Icons.of(Icons.SETTINGS));
        signOutItem.setGraphic(Icons.of(Icons.SIGN_OUT));
        settingsItem.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        backupItem.setGraphic(Icons.of(Icons.DATABASE));
        restoreItem.setGraphic(Icons.of(Icons.RESTORE));
        backupItem.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        backupItem.setVisible(backupMenu.canBackUp());
        restoreItem.setVisible(backupMenu.canRestore());
        backupSeparator.setVisible(backupItem.isVisible() || restoreItem.isVisible());

        List<NavEntry> entries = model.entries();
        for (int i = 0; i < entries.size(); i++) {
            NavEntry e = entries.get(i);
            ToggleButton b = navButton(e, i);
            navButtons.put(e.id(), b);
            nav.getChildren().add(b);
        }
        if (entries.isEmpty()) {
            Label none = new Label(i18n.text("shell.noScreens"));
            none.setWrapText(true);
            none.getStyleClass().add(StyleClasses.EMPTY_STATE);
            content.getChildren().setAll(none);
        }
        navGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) old.setSelected(true); // one screen always stays selected
        });
        model.selectedProperty().addListener((obs, old, now) -> show(now));
        statusBar.setText("");
        statusBar.textProperty().bind(status.messageProperty());
        model.statusTexts().addListener((javafx.collections.ListChangeListener<String>) c -> rightItems());
        rightItems();
        work.running().addListener((javafx.collections.ListChangeListener<javafx.concurrent.Task<?>>) c -> {
            taskNodes.clear();
            work.running().forEach(t -> taskNodes.add(taskNode(t)));
            rightItems();
        });
        work.findingsChangedProperty().addListener((obs, old, now) -> model.refresh());
        status.refreshRequestsProperty().addListener((obs, old, now) -> model.refresh());
        if (model.selectedProperty().get() != null) show(model.selectedProperty().get());
        model.refresh();
        // Badges, deadline alerts and expiry also move with the clock, not only with what the user does: refresh
        // every minute while this window is shown.
        javafx.animation.Timeline periodic = new javafx.animation.Timeline();
        periodic.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.minutes(1), e -> {
            Scene scene = nav.getScene();
            if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
                periodic.stop(); // this window was replaced (sign-out, language switch) or closed
                return;
            }
            model.refresh();
        }));
        periodic.setCycleCount(javafx.animation.Animation.INDEFINITE);
        nav.sceneProperty().addListener((obs, was, now) -> {
            if (now == null) periodic.stop();
            else periodic.play();
        });
        if (nav.getScene() != null) periodic.play();
    }

    /** Running background tasks, the registered status items, then the database file. */
    private void rightItems() {
        List<Node> items = new java.util.ArrayList<>(taskNodes);
        for (String t : model.statusTexts()) {
            Label l = new Label(t);
            l.getStyleClass().add("status-item");
            items.add(l);
        }
        Label file = new Label(java.nio.file.Path.of(status.locationProperty().get()).getFileName() == null ? ""
                : String.valueOf(java.nio.file.Path.of(status.locationProperty().get()).getFileName()), Icons.of(Icons.DATABASE));
        file.getStyleClass().addAll("status-item", "status-location");
        file.setTooltip(new Tooltip(i18n.text("status.database", status.locationProperty().get())));
        items.add(file);
        statusBar.getRightItems().setAll(items);
    }

    /** A running task in the status bar: its title, a progress bar and Cancel. */
    private Node taskNode(javafx.concurrent.Task<?> task) {
        Label title = new Label();
        title.textProperty().bind(task.titleProperty());
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.progressProperty().bind(task.progressProperty());
        bar.setPrefWidth(140);
        bar.setId("taskProgress");
        javafx.scene.control.Button cancel = new javafx.scene.control.Button(i18n.text("shell.task.cancel"));
        cancel.getStyleClass().add(StyleClasses.GHOST);
        cancel.setId("taskCancel");
        cancel.setOnAction(e -> task.cancel());
        HBox box = new HBox(8, title, bar, cancel);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getStyleClass().add("status-task");
        return box;
    }

    /** Opens a post on the first screen that can show it: the queue, then Compose (for a draft, Compose first). */
    public boolean openPost(PostLink link) {
        for (String id : link.draft() ? List.of("compose", "queue") : List.of("queue", "compose")) {
            java.util.Optional<NavEntry> e = model.entries().stream().filter(n -> n.id().equals(id)).findFirst();
            if (e.isEmpty()) continue;
            NavEntry current = model.selectedProperty().get();
            if (current != e.get() && !confirmLeave()) return false;
            model.selectedProperty().set(e.get());
            FxmlViews.View<?> v = loaded.get(id);
            if (v != null && v.controller() instanceof Screen s && s.open(link)) return true;
        }
        return false;
    }

    /** Opens Risks showing what the link asks for, when the user may open Risks. */
    public boolean openRisks(RisksLink link) {
        java.util.Optional<NavEntry> e = model.entries().stream().filter(n -> n.id().equals("risks")).findFirst();
        if (e.isEmpty()) return false;
        if (model.selectedProperty().get() != e.get() && !confirmLeave()) return false;
        model.selectedProperty().set(e.get());
        FxmlViews.View<?> v = loaded.get("risks");
        return v != null && v.controller() instanceof Screen s && s.open(link);
    }

    /** Called once the window's scene exists: Ctrl+1 … Ctrl+9 open the screens in order. */
    public void installShortcuts(Scene scene) {
        NavEntry selected = model.selectedProperty().get();
        if (selected != null && navButtons.containsKey(selected.id())) navButtons.get(selected.id()).requestFocus();
        for (int i = 0; i < Math.min(DIGITS.length, model.entries().size()); i++) {
            NavEntry e = model.entries().get(i);
            scene.getAccelerators().put(new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN), () -> navigate(e));
        }
    }

    private ToggleButton navButton(NavEntry e, int index) {
        Label text = new Label(i18n.text(e.labelKey()));
        text.getStyleClass().add("nav-label");
        Label badge = new Label();
        badge.getStyleClass().add(StyleClasses.NAV_BADGE);
        badge.textProperty().bind(model.badge(e.id()).asString());
        badge.visibleProperty().bind(model.badge(e.id()).greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox graphic = new HBox(10, Icons.of(e.icon()), text, spacer, badge);
        graphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ToggleButton b = new ToggleButton();
        b.setGraphic(graphic);
        b.setId("nav-" + e.id());
        b.setToggleGroup(navGroup);
        b.getStyleClass().add(StyleClasses.NAV_ITEM);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAccessibleText(i18n.text(e.labelKey()));
        if (index < DIGITS.length) {
            b.setTooltip(new Tooltip(i18n.text(e.labelKey()) + "  (" + new KeyCodeCombination(DIGITS[index],
                    KeyCombination.SHORTCUT_DOWN).getDisplayText() + ")"));
        }
        b.setOnAction(ev -> {
            if (model.selectedProperty().get() != e) navigate(e);
            else b.setSelected(true);
        });
        return b;
    }

    private void navigate(NavEntry e) {
        NavEntry current = model.selectedProperty().get();
        if (current != null && current != e && !confirmLeave()) {
            navButtons.get(current.id()).setSelected(true);
            return;
        }
        model.selectedProperty().set(e);
    }

    /** Asks before leaving a screen with unsaved text; true when it may be left. */
    public boolean confirmLeave() {
        NavEntry current = model.selectedProperty().get();
        if (current == null) return true;
        FxmlViews.View<?> v = loaded.get(current.id());
        if (v != null && v.controller() instanceof Screen s && s.hasUnsavedChanges()) {
            return dialogs.confirm(i18n.text("shell.unsaved.title"), i18n.text("shell.unsaved.message"),
                    i18n.text("shell.unsaved.discard"));
        }
        return true;
    }

    private void show(NavEntry e) {
        if (e == null) return;
        FxmlViews.View<?> v = loaded.computeIfAbsent(e.id(), id -> views.load(e.controller()));
        content.getChildren().setAll(v.root());
        ToggleButton b = navButtons.get(e.id());
        if (b != null) b.setSelected(true);
        if (v.controller() instanceof Screen s) s.shown();
        if (b != null) b.requestFocus();
        model.refresh();
    }

    /** The controller of a screen that has been shown (tests and later screens' cross-links use it), or null. */
    public Object screenController(String id) {
        FxmlViews.View<?> v = loaded.get(id);
        return v == null ? null : v.controller();
    }

    /** The id of the screen shown, to come back to it after a language switch. */
    public String currentScreen() {
        NavEntry e = model.selectedProperty().get();
        return e == null ? null : e.id();
    }

    javafx.stage.Window ownerWindow() {
        return content.getScene() == null ? null : content.getScene().getWindow();
    }

    public void select(String id) {
        if (id != null) model.select(id);
    }

    @FXML
    private void openSettings() {
        SettingsController.show(views, actions, this);
    }

    @FXML
    private void backUp() {
        backupMenu.backUp(ownerWindow(), statusBar);
    }

    @FXML
    private void restore() {
        if (confirmLeave()) backupMenu.restore(ownerWindow());
    }

    @FXML
    private void signOut() {
        if (confirmLeave()) actions.signOut();
    }

    private String rolesText(java.util.Set<Role> roles) {
        return roles.stream().sorted().map(r -> i18n.text("role." + r.name().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(" · "));
    }

    static Label avatar(String name) {
        String[] parts = name.strip().split("\\s+");
        String initials = (parts[0].isEmpty() ? "?" : parts[0].substring(0, 1))
                + (parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "");
        Label l = new Label(initials.toUpperCase(Locale.ROOT));
        l.getStyleClass().addAll(StyleClasses.AVATAR, "avatar-small");
        return l;
    }
}
