package io.byline.ui.executives;

import io.byline.domain.Account;
import io.byline.domain.Capacity;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.service.ExecutiveService;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.FieldErrors;
import io.byline.ui.common.I18n;
import io.byline.ui.common.Icons;
import io.byline.ui.common.Screen;
import io.byline.ui.common.ShellStatus;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.controlsfx.control.SearchableComboBox;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

/** The Executives screen: who Byline writes for, their profile and their accounts. */
public final class ExecutivesController implements Screen {
    private final ExecutivesViewModel model;
    private final I18n i18n;
    private final DialogService dialogs;
    private FieldErrors profileErrors;
    private FieldErrors accountFieldErrors;

    @FXML private CheckBox showRetiredBox;
    @FXML private Button newButton;
    @FXML private Label readOnlyBanner;
    @FXML private ListView<Executive> list;
    @FXML private VBox listEmpty;
    @FXML private Label listEmptyHint;
    @FXML private VBox noSelection;
    @FXML private Label noSelectionHint;
    @FXML private VBox detail;
    @FXML private StackPane avatarPane;
    @FXML private Label avatarInitials;
    @FXML private ImageView avatarImage;
    @FXML private Label detailName;
    @FXML private Label detailSubtitle;
    @FXML private Label retiredChip;
    @FXML private Button retireButton;
    @FXML private TabPane tabs;
    @FXML private Tab profileTab;
    @FXML private Tab accountsTab;
    @FXML private Tab chainsTab;
    @FXML private ChainEditorController chainEditorController;
    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private TextField titleField;
    @FXML private TextField organisationField;
    @FXML private SearchableComboBox<String> timeZoneBox;
    @FXML private Label timeZoneError;
    @FXML private TextArea voiceNotesArea;
    @FXML private Button choosePhotoButton;
    @FXML private Button removePhotoButton;
    @FXML private Label photoHint;
    @FXML private Label photoError;
    @FXML private HBox profileButtons;
    @FXML private Button revertButton;
    @FXML private Button saveButton;
    @FXML private Button editAccountButton;
    @FXML private Button retireAccountButton;
    @FXML private Button addAccountButton;
    @FXML private TableView<Account> accountsTable;
    @FXML private TableColumn<Account, String> platformColumn;
    @FXML private TableColumn<Account, String> handleColumn;
    @FXML private TableColumn<Account, String> capacityColumn;
    @FXML private TableColumn<Account, Account> bioColumn;
    @FXML private HBox accountButtons;
    @FXML private javafx.scene.control.ScrollPane accountEditorScroll;
    @FXML private VBox accountEditor;
    @FXML private Label accountEditorTitle;
    @FXML private ComboBox<Platform> platformBox;
    @FXML private TextField handleField;
    @FXML private Label handleHint;
    @FXML private Label handleError;
    @FXML private ComboBox<Capacity> capacityBox;
    @FXML private TextArea bioArea;
    @FXML private Label bioError;
    @FXML private VBox disclaimerRow;
    @FXML private TextField disclaimerField;
    @FXML private Label disclaimerError;
    @FXML private Button saveAccountButton;

    public ExecutivesController(ExecutiveService service, TaskRunner runner, I18n i18n, DialogService dialogs,
                                ShellStatus status) {
        this.model = new ExecutivesViewModel(service, runner);
        this.i18n = i18n;
        this.dialogs = dialogs;
        model.setOnSaved(status::saved);
    }

    @FXML
    private void initialize() {
        boolean edit = model.canEdit();
        show(readOnlyBanner, !edit);
        show(newButton, edit);
        newButton.setGraphic(Icons.of(Icons.ADD));
        showRetiredBox.selectedProperty().bindBidirectional(model.showRetiredProperty());

        // list
        list.setItems(model.executives());
        list.setCellFactory(v -> new ExecutiveCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != model.selectedProperty().get()) pick(now, old);
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) list.getSelectionModel().clearSelection();
            else if (list.getSelectionModel().getSelectedItem() != now) list.getSelectionModel().select(now);
        });
        listEmpty.visibleProperty().bind(model.loadedProperty().and(Bindings.isEmpty(model.executives())));
        listEmptyHint.setText(i18n.text(edit ? "executives.empty.hint.edit" : "executives.empty.hint.view"));
        noSelectionHint.setText(i18n.text(edit ? "executives.noSelection.hint.edit" : "executives.noSelection.hint.view"));
        noSelection.visibleProperty().bind(model.editingProperty().not());
        detail.visibleProperty().bind(model.editingProperty());

        // header of the detail
        detailName.textProperty().bind(Bindings.createStringBinding(() -> model.nameProperty().get().isBlank()
                ? i18n.text("executives.new.title") : model.nameProperty().get(), model.nameProperty()));
        detailSubtitle.textProperty().bind(Bindings.createStringBinding(() -> joinNonBlank(model.titleProperty().get(),
                model.organisationProperty().get()), model.titleProperty(), model.organisationProperty()));
        avatarInitials.textProperty().bind(Bindings.createStringBinding(() -> initials(model.nameProperty().get()),
                model.nameProperty()));
        avatarImage.setClip(new Circle(36, 36, 36));
        model.photoProperty().addListener((obs, old, bytes) -> showPhoto(bytes));
        retiredChip.managedProperty().bind(retiredChip.visibleProperty());
        model.selectedProperty().addListener((obs, old, e) -> refreshRetire());
        refreshRetire();

        // profile form
        nameField.textProperty().bindBidirectional(model.nameProperty());
        titleField.textProperty().bindBidirectional(model.titleProperty());
        organisationField.textProperty().bindBidirectional(model.organisationProperty());
        voiceNotesArea.textProperty().bindBidirectional(model.voiceNotesProperty());
        timeZoneBox.getItems().setAll(ExecutivesViewModel.timeZones());
        timeZoneBox.valueProperty().bindBidirectional(model.timeZoneProperty());
        photoHint.setText(i18n.text("executives.photo.hint", ExecutiveService.MAX_PHOTO_BYTES / (1024 * 1024)));
        for (TextField f : new TextField[] {nameField, titleField, organisationField}) f.setEditable(edit);
        voiceNotesArea.setEditable(edit);
        timeZoneBox.setDisable(!edit);
        show(choosePhotoButton, edit);
        show(removePhotoButton, edit);
        removePhotoButton.disableProperty().bind(model.photoProperty().isNull());
        show(profileButtons, edit);
        saveButton.disableProperty().bind(model.busyProperty().or(model.dirtyProperty().not()));
        revertButton.disableProperty().bind(model.dirtyProperty().not());
        profileErrors = new FieldErrors(model.errors(), i18n)
                .field("name", nameField, nameError)
                .field("timeZone", timeZoneBox, timeZoneError)
                .field("photo", choosePhotoButton, photoError);
        model.errors().addListener((javafx.collections.MapChangeListener<String, String>) c -> {
            if (!model.errors().isEmpty()) tabs.getSelectionModel().select(profileTab);
        });
        accountsTab.disableProperty().bind(Bindings.createBooleanBinding(model::isNew, model.selectedProperty(),
                model.editingProperty()));

        // accounts
        accountsTable.setItems(model.accounts());
        platformColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().platform().displayName()));
        handleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(handleText(c.getValue())));
        capacityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(capacityText(c.getValue().capacity())));
        bioColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        bioColumn.setCellFactory(c -> new BioCell());
        accountsTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Account a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().remove(StyleClasses.RETIRED);
                if (!empty && a != null && a.retired()) getStyleClass().add(StyleClasses.RETIRED);
            }
        });
        Label noAccounts = new Label(i18n.text(edit ? "accounts.empty.edit" : "accounts.empty.view"));
        noAccounts.setWrapText(true);
        accountsTable.setPlaceholder(noAccounts);
        accountsTable.setOnMouseClicked(e -> {
            if (edit && e.getClickCount() == 2) editAccount();
        });
        if (!edit) accountButtons.getChildren().clear();
        addAccountButton.setGraphic(Icons.of(Icons.ADD));
        var selectedAccount = accountsTable.getSelectionModel().selectedItemProperty();
        editAccountButton.disableProperty().bind(selectedAccount.isNull().or(model.editingAccountProperty().isNotNull()));
        retireAccountButton.disableProperty().bind(selectedAccount.isNull());
        retireAccountButton.textProperty().bind(Bindings.createStringBinding(() -> selectedAccount.get() != null
                && selectedAccount.get().retired() ? i18n.text("accounts.restore") : i18n.text("accounts.retire"), selectedAccount));
        addAccountButton.disableProperty().bind(model.editingAccountProperty().isNotNull());

        // while an account is edited, the editor takes the table's place
        accountEditorScroll.visibleProperty().bind(model.editingAccountProperty().isNotNull());
        accountEditorScroll.managedProperty().bind(accountEditorScroll.visibleProperty());
        accountsTable.visibleProperty().bind(model.editingAccountProperty().isNull());
        accountsTable.managedProperty().bind(accountsTable.visibleProperty());
        accountButtons.visibleProperty().bind(model.editingAccountProperty().isNull());
        accountButtons.managedProperty().bind(accountButtons.visibleProperty());
        accountEditor.visibleProperty().bind(model.editingAccountProperty().isNotNull());
        accountEditorTitle.textProperty().bind(Bindings.createStringBinding(() -> model.editingAccountProperty().get() != null
                && model.editingAccountProperty().get().id() != 0 ? i18n.text("accounts.editor.edit") : i18n.text("accounts.editor.new"),
                model.editingAccountProperty()));
        platformBox.getItems().setAll(Platform.values());
        platformBox.setConverter(converter(p -> p.displayName()));
        platformBox.valueProperty().bindBidirectional(model.platformProperty());
        capacityBox.getItems().setAll(Capacity.values());
        capacityBox.setConverter(converter(this::capacityText));
        capacityBox.valueProperty().bindBidirectional(model.capacityProperty());
        handleField.textProperty().bindBidirectional(model.handleProperty());
        bioArea.textProperty().bindBidirectional(model.bioProperty());
        disclaimerField.textProperty().bindBidirectional(model.disclaimerProperty());
        handleHint.textProperty().bind(Bindings.createStringBinding(() -> model.platformProperty().get() == null ? ""
                : i18n.text("accounts.handle.hint." + model.platformProperty().get().id()), model.platformProperty()));
        disclaimerRow.visibleProperty().bind(model.capacityProperty().isEqualTo(Capacity.PERSONAL));
        disclaimerRow.managedProperty().bind(disclaimerRow.visibleProperty());
        saveAccountButton.disableProperty().bind(model.busyProperty());
        accountFieldErrors = new FieldErrors(model.accountErrors(), i18n)
                .field("handle", handleField, handleError)
                .field("disclaimer", disclaimerField, disclaimerError)
                .field("bio", bioArea, bioError);
        model.editingAccountProperty().addListener((obs, old, now) -> {
            if (now != null) handleField.requestFocus();
        });

        model.failureProperty().addListener((obs, old, e) -> {
            if (e == null) return;
            model.failureProperty().set(null);
            dialogs.error(i18n.problem(e), model.voiceNotesProperty().get());
        });
        // approval chains (the review workflow's tab): follow the selected executive
        chainsTab.disableProperty().bind(accountsTab.disableProperty());
        model.selectedProperty().addListener((obs, old, e) -> chainEditorController.show(e));
        model.load();
    }

    @Override
    public void shown() {
        if (!model.hasUnsavedChanges()) model.load();
    }

    @Override
    public boolean hasUnsavedChanges() {
        return model.hasUnsavedChanges() || chainEditorController.hasUnsavedChanges();
    }

    /** Switches the form to another executive, asking first when that would lose typed text. */
    private void pick(Executive e, Executive previous) {
        if (model.hasUnsavedChanges() && !confirmDiscard()) {
            list.getSelectionModel().select(model.selectedProperty().get());
            return;
        }
        model.select(e);
    }

    private boolean confirmDiscard() {
        return dialogs.confirm(i18n.text("shell.unsaved.title"), i18n.text("shell.unsaved.message"),
                i18n.text("shell.unsaved.discard"));
    }

    @FXML
    private void newExecutive() {
        if (model.hasUnsavedChanges() && !confirmDiscard()) return;
        model.newExecutive();
        tabs.getSelectionModel().select(profileTab);
        nameField.requestFocus();
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
    private void toggleRetired() {
        Executive e = model.selectedProperty().get();
        if (e == null) return;
        if (e.retired()) {
            model.setRetired(false);
        } else if (dialogs.confirm(i18n.text("executives.retire.title", e.name()), i18n.text("executives.retire.message"),
                i18n.text("executives.retire"))) {
            model.setRetired(true);
        }
    }

    private void refreshRetire() {
        Executive e = model.selectedProperty().get();
        boolean retired = e != null && e.retired();
        retiredChip.setVisible(retired);
        show(retireButton, model.canEdit() && e != null);
        retireButton.setText(i18n.text(retired ? "executives.restore" : "executives.retire"));
        retireButton.setGraphic(Icons.of(retired ? Icons.RESTORE : Icons.ARCHIVE));
    }

    @FXML
    private void choosePhoto() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("executives.photo.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.text("executives.photo.filter"),
                "*.png", "*.jpg", "*.jpeg"));
        File file = chooser.showOpenDialog(list.getScene().getWindow());
        if (file == null) return;
        try {
            if (Files.size(file.toPath()) > ExecutiveService.MAX_PHOTO_BYTES) {
                model.choosePhoto(new byte[ExecutiveService.MAX_PHOTO_BYTES + 1]);
                return;
            }
            byte[] bytes = Files.readAllBytes(file.toPath());
            if (new Image(new ByteArrayInputStream(bytes)).isError()) {
                model.errors().put("photo", "executives.error.photoUnreadable");
                return;
            }
            model.choosePhoto(bytes);
        } catch (IOException ex) {
            model.errors().put("photo", "executives.error.photoUnreadable");
        }
    }

    @FXML
    private void removePhoto() {
        model.choosePhoto(null);
    }

    @FXML
    private void addAccount() {
        model.newAccount();
    }

    @FXML
    private void editAccount() {
        model.editAccount(accountsTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void toggleAccountRetired() {
        Account a = accountsTable.getSelectionModel().getSelectedItem();
        if (a == null) return;
        if (a.retired()) {
            model.setAccountRetired(a, false);
        } else if (dialogs.confirm(i18n.text("accounts.retire.title", a.platform().displayName(), handleText(a)),
                i18n.text("accounts.retire.message"), i18n.text("accounts.retire"))) {
            model.setAccountRetired(a, true);
        }
    }

    @FXML
    private void cancelAccount() {
        model.cancelAccount();
    }

    @FXML
    private void saveAccount() {
        model.saveAccount();
    }

    private void showPhoto(byte[] bytes) {
        Image image = bytes == null ? null : new Image(new ByteArrayInputStream(bytes), 144, 144, true, true);
        avatarImage.setImage(image == null || image.isError() ? null : image);
        avatarInitials.setVisible(avatarImage.getImage() == null);
    }

    private String capacityText(Capacity c) {
        return i18n.text("capacity." + c.name().toLowerCase(Locale.ROOT));
    }

    private String handleText(Account a) {
        String h = a.handle();
        String shown = a.platform() == Platform.LINKEDIN ? h : "@" + h;
        return a.retired() ? shown + "  (" + i18n.text("accounts.retired") + ")" : shown;
    }

    private static String joinNonBlank(String a, String b) {
        if (a == null || a.isBlank()) return b == null ? "" : b;
        if (b == null || b.isBlank()) return a;
        return a + " · " + b;
    }

    static String initials(String name) {
        String[] parts = name == null ? new String[0] : name.strip().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) return "";
        String s = parts[0].substring(0, 1) + (parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "");
        return s.toUpperCase(Locale.ROOT);
    }

    private static void show(javafx.scene.Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : f.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }

    /** The view model (tests drive and inspect it). */
    public ExecutivesViewModel model() {
        return model;
    }

    public FieldErrors accountFieldErrors() {
        return accountFieldErrors;
    }

    public FieldErrors profileFieldErrors() {
        return profileErrors;
    }

    /** Bio, and under it the disclaimer line of a personal account. */
    private static final class BioCell extends javafx.scene.control.TableCell<Account, Account> {
        private final Label bio = new Label();
        private final Label disclaimer = new Label();
        private final VBox box = new VBox(0, bio, disclaimer);

        BioCell() {
            disclaimer.getStyleClass().add(StyleClasses.HINT);
            disclaimer.managedProperty().bind(disclaimer.visibleProperty());
            bio.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        }

        @Override
        protected void updateItem(Account a, boolean empty) {
            super.updateItem(a, empty);
            setText(null);
            if (empty || a == null) {
                setGraphic(null);
                return;
            }
            bio.setText(a.bio());
            disclaimer.setText(a.disclaimer());
            disclaimer.setVisible(!a.disclaimer().isBlank());
            setGraphic(box);
            setTooltip(a.bio().isBlank() ? null : new javafx.scene.control.Tooltip(a.bio()));
        }
    }

    /** A row of the list: photo or initials, name, title; retired executives dimmed. */
    private final class ExecutiveCell extends ListCell<Executive> {
        private final Label avatar = new Label();
        private final ImageView photo = new ImageView();
        private final StackPane avatarBox = new StackPane(avatar, photo);
        private final Label name = new Label();
        private final Label title = new Label();
        private final HBox box;

        ExecutiveCell() {
            avatar.getStyleClass().add(StyleClasses.AVATAR);
            photo.setFitWidth(40);
            photo.setFitHeight(40);
            photo.setClip(new Circle(20, 20, 20));
            name.getStyleClass().add("cell-title");
            name.setStyle("-fx-font-weight: bold;");
            title.getStyleClass().add(StyleClasses.MUTED);
            VBox text = new VBox(2, name, title);
            box = new HBox(12, avatarBox, text);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
        }

        @Override
        protected void updateItem(Executive e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            avatar.setText(initials(e.name()));
            photo.setImage(e.photo() == null ? null : new Image(new ByteArrayInputStream(e.photo()), 80, 80, true, true));
            name.setText(e.name());
            title.setText(e.retired() ? joinNonBlank(e.title(), i18n.text("executives.retired")) : e.title());
            box.getStyleClass().remove(StyleClasses.RETIRED);
            box.setOpacity(e.retired() ? 0.5 : 1.0);
            setGraphic(box);
            setAccessibleText(e.name() + ", " + e.title());
        }
    }
}
