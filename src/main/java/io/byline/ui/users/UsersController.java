package io.byline.ui.users;

import io.byline.domain.Executive;
import io.byline.domain.Role;
import io.byline.domain.User;
import io.byline.service.ExecutiveService;
import io.byline.service.UserService;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.FieldErrors;
import io.byline.ui.common.I18n;
import io.byline.ui.common.Icons;
import io.byline.ui.common.Screen;
import io.byline.ui.common.ShellStatus;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Locale;

/** The Users screen: administrators create users, set their roles, deactivate them and reset passwords. */
public final class UsersController implements Screen {
    private final UsersViewModel model;
    private final I18n i18n;
    private final DialogService dialogs;
    private FieldErrors fieldErrors;

    @FXML private Button newButton;
    @FXML private TableView<User> table;
    @FXML private TableColumn<User, User> nameColumn;
    @FXML private TableColumn<User, User> rolesColumn;
    @FXML private TableColumn<User, User> statusColumn;
    @FXML private VBox noSelection;
    @FXML private ScrollPane detail;
    @FXML private Label formTitle;
    @FXML private Label statusChip;
    @FXML private TextField displayNameField;
    @FXML private Label displayNameError;
    @FXML private TextField usernameField;
    @FXML private Label usernameHint;
    @FXML private Label usernameError;
    @FXML private VBox passwordRow;
    @FXML private PasswordField passwordField;
    @FXML private Label passwordHint;
    @FXML private Label passwordError;
    @FXML private Label rolesLabel;
    @FXML private FlowPane rolesPane;
    @FXML private Label rolesError;
    @FXML private VBox executiveRow;
    @FXML private ComboBox<Executive> executiveBox;
    @FXML private Label executiveError;
    @FXML private Button revertButton;
    @FXML private Button saveButton;
    @FXML private VBox accountSection;
    @FXML private Button resetButton;
    @FXML private Button activeButton;
    @FXML private Label activeError;
    @FXML private VBox resetRow;
    @FXML private PasswordField newPasswordField;
    @FXML private Button setPasswordButton;
    @FXML private Label newPasswordError;
    @FXML private Label newPasswordHint;

    public UsersController(UserService users, ExecutiveService executives, TaskRunner runner, I18n i18n,
                           DialogService dialogs, ShellStatus status) {
        this.model = new UsersViewModel(users, executives, runner);
        this.i18n = i18n;
        this.dialogs = dialogs;
        model.setOnSaved(status::saved);
    }

    @FXML
    private void initialize() {
        newButton.setGraphic(Icons.of(Icons.ADD));
        table.setItems(model.users());
        nameColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        rolesColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        statusColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        nameColumn.setCellFactory(c -> cell(u -> {
            Label name = new Label(u.displayName());
            name.setStyle("-fx-font-weight: bold;");
            Label user = new Label(u.username());
            user.getStyleClass().add(StyleClasses.HINT);
            VBox box = new VBox(0, name, user);
            box.setOpacity(u.active() ? 1 : 0.55);
            return box;
        }));
        rolesColumn.setCellFactory(c -> cell(u -> {
            HBox chips = new HBox(4);
            u.roles().stream().sorted().forEach(r -> {
                Label chip = new Label(roleName(r));
                chip.getStyleClass().add(StyleClasses.ROLE_CHIP);
                chips.getChildren().add(chip);
            });
            return chips;
        }));
        statusColumn.setCellFactory(c -> cell(this::statusChip));
        Label empty = new Label(i18n.text("users.empty"));
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && (model.selectedProperty().get() == null || now.id() != model.selectedProperty().get().id())) {
                if (model.hasUnsavedChanges() && !confirmDiscard()) {
                    table.getSelectionModel().select(old);
                    return;
                }
                model.select(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) table.getSelectionModel().clearSelection();
            else if (table.getSelectionModel().getSelectedItem() != now) table.getSelectionModel().select(now);
            refreshSelected();
        });

        noSelection.visibleProperty().bind(model.editingProperty().not());
        detail.visibleProperty().bind(model.editingProperty());

        displayNameField.textProperty().bindBidirectional(model.displayNameProperty());
        usernameField.textProperty().bindBidirectional(model.usernameProperty());
        passwordField.textProperty().bindBidirectional(model.passwordProperty());
        passwordHint.setText(i18n.text("setup.password.hint", UserService.MIN_PASSWORD));
        newPasswordHint.setText(i18n.text("setup.password.hint", UserService.MIN_PASSWORD));
        for (Role r : Role.values()) {
            CheckBox box = new CheckBox(roleName(r));
            box.setId("role-" + r.name().toLowerCase(Locale.ROOT));
            box.setTooltip(new Tooltip(i18n.text("role." + r.name().toLowerCase(Locale.ROOT) + ".description")));
            box.selectedProperty().bindBidirectional(model.roleProperty(r));
            rolesPane.getChildren().add(box);
            if (rolesLabel.getLabelFor() == null) io.byline.ui.common.Keyboard.label(rolesLabel, box); // Alt+R: the first role
        }
        executiveBox.setItems(model.executives());
        executiveBox.setConverter(new StringConverter<>() {
            @Override public String toString(Executive e) { return e == null ? "" : e.name(); }
            @Override public Executive fromString(String s) { return null; }
        });
        executiveBox.valueProperty().bindBidirectional(model.executiveProperty());
        executiveRow.visibleProperty().bind(model.roleProperty(Role.EXECUTIVE));
        executiveRow.managedProperty().bind(executiveRow.visibleProperty());

        saveButton.disableProperty().bind(model.busyProperty().or(model.dirtyProperty().not()));
        revertButton.disableProperty().bind(model.dirtyProperty().not());
        resetRow.visibleProperty().bind(model.resettingProperty());
        resetRow.managedProperty().bind(resetRow.visibleProperty());
        resetButton.disableProperty().bind(model.resettingProperty());
        resetButton.setGraphic(Icons.of(Icons.KEY));
        newPasswordField.textProperty().bindBidirectional(model.newPasswordProperty());
        setPasswordButton.disableProperty().bind(model.busyProperty().or(model.newPasswordProperty().isEmpty()));

        fieldErrors = new FieldErrors(model.errors(), i18n)
                .field("displayName", displayNameField, displayNameError)
                .field("username", usernameField, usernameError)
                .field("password", passwordField, passwordError)
                .field("roles", (CheckBox) rolesPane.getChildren().get(0), rolesError)
                .field("executive", executiveBox, executiveError)
                .field("active", activeButton, activeError)
                .field("newPassword", newPasswordField, newPasswordError);
        model.failureProperty().addListener((obs, old, e) -> {
            if (e == null) return;
            model.failureProperty().set(null);
            dialogs.error(e);
        });
        model.editingProperty().addListener((obs, old, now) -> refreshSelected());
        refreshSelected();
        model.load();
    }

    private void refreshSelected() {
        User u = model.selectedProperty().get();
        boolean isNew = model.isNew();
        formTitle.setText(isNew ? i18n.text("users.form.new") : u == null ? "" : u.displayName());
        usernameField.setEditable(isNew);
        show(usernameHint, isNew);
        show(passwordRow, isNew);
        show(accountSection, !isNew && u != null);
        saveButton.setText(i18n.text(isNew ? "users.create" : "users.save"));
        statusChip.setVisible(u != null);
        if (u != null) {
            Label chip = statusChip(u);
            statusChip.setText(chip.getText());
            statusChip.getStyleClass().setAll(chip.getStyleClass());
            activeButton.setText(i18n.text(u.active() ? "users.deactivate" : "users.reactivate"));
            activeButton.getStyleClass().setAll("button", u.active() ? "ghost-danger" : "ghost");
        }
    }

    private Label statusChip(User u) {
        Label l = new Label(i18n.text(u.active() ? "users.status.active" : "users.status.inactive"));
        l.getStyleClass().setAll("label", StyleClasses.STATE_CHIP, StyleClasses.state(u.active() ? "ACTIVE" : "INACTIVE"));
        return l;
    }

    @Override
    public void shown() {
        if (!model.hasUnsavedChanges()) model.load();
    }

    @Override
    public boolean hasUnsavedChanges() {
        return model.hasUnsavedChanges();
    }

    private boolean confirmDiscard() {
        return dialogs.confirm(i18n.text("shell.unsaved.title"), i18n.text("shell.unsaved.message"),
                i18n.text("shell.unsaved.discard"));
    }

    @FXML
    private void newUser() {
        if (model.hasUnsavedChanges() && !confirmDiscard()) return;
        model.newUser();
        displayNameField.requestFocus();
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void revert() {
        model.revert();
    }

    @FXML
    private void toggleActive() {
        User u = model.selectedProperty().get();
        if (u == null) return;
        if (!u.active()) {
            model.setActive(true);
        } else if (dialogs.confirm(i18n.text("users.deactivate.title", u.displayName()),
                i18n.text("users.deactivate.message"), i18n.text("users.deactivate"))) {
            model.setActive(false);
        }
    }

    @FXML
    private void startReset() {
        model.startReset();
        newPasswordField.requestFocus();
    }

    @FXML
    private void cancelReset() {
        model.cancelReset();
    }

    @FXML
    private void resetPassword() {
        model.resetPassword();
    }

    private String roleName(Role r) {
        return i18n.text("role." + r.name().toLowerCase(Locale.ROOT));
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    private static TableCell<User, User> cell(java.util.function.Function<User, Node> render) {
        return new TableCell<>() {
            @Override
            protected void updateItem(User u, boolean empty) {
                super.updateItem(u, empty);
                setText(null);
                setGraphic(empty || u == null ? null : render.apply(u));
            }
        };
    }

    public UsersViewModel model() {
        return model;
    }

    public FieldErrors fieldErrors() {
        return fieldErrors;
    }
}
