package io.byline.ui.compose;

import io.byline.domain.Account;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.domain.PostState;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;
import io.byline.domain.WordDiff;
import io.byline.service.DraftService;
import io.byline.service.ExecutiveService;
import io.byline.service.QueueItem;
import io.byline.service.ReviewService;
import io.byline.ui.common.DateFields;
import io.byline.ui.common.FxTaskRunner;
import io.byline.ui.common.Appearance;
import io.byline.ui.common.DialogService;
import io.byline.ui.common.FieldErrors;
import io.byline.ui.common.FxDebouncer;
import io.byline.ui.common.I18n;
import io.byline.ui.common.Keyboard;
import io.byline.ui.common.Icons;
import io.byline.ui.common.PostStates;
import io.byline.ui.common.Screen;
import io.byline.ui.common.Severities;
import io.byline.ui.common.ShellStatus;
import io.byline.ui.common.StyleClasses;
import io.byline.ui.common.TaskRunner;
import io.byline.validation.Entities;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Compose screen: binds the editor (RichTextFX, see docs/decisions/0004-editor-highlighting.md), the findings
 * list, counters, preview, images and history to {@link ComposeViewModel}. No business rules here.
 */
public final class ComposeController implements Screen {
    /** Keyboard shortcuts, shown in tooltips. */
    static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SUBMIT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination NEXT_FINDING = new KeyCodeCombination(KeyCode.F8);
    static final KeyCombination PREVIOUS_FINDING = new KeyCodeCombination(KeyCode.F8, KeyCombination.SHIFT_DOWN);
    static final KeyCombination NEXT_PLATFORM = new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PREVIOUS_PLATFORM = new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN);

    private final ComposeViewModel model;
    private final I18n i18n;
    private final DialogService dialogs;
    private final ShellStatus status;
    private final Appearance appearance;
    private final FxDebouncer checkDebounce;
    private final FxDebouncer autosaveDebounce;
    private final StyleClassedTextArea editor = new StyleClassedTextArea();
    private final Tooltip hoverTip = new Tooltip();
    private final ToggleGroup platformGroup = new ToggleGroup();
    private boolean shownOnce;
    /** What had the focus when the submission started (it gets it back when the dialog closes). */
    private Node submitOpener;
    private final javafx.beans.value.ChangeListener<byte[]> previewOnBytes = (o, was, is) -> renderPreview();
    private final javafx.event.EventHandler<KeyEvent> shortcutFilter = this::shortcut;

    @FXML private VBox root;
    @FXML private Label stateChip;
    @FXML private Label saveStatus;
    @FXML private MenuButton draftsMenu;
    @FXML private Button newDraftButton;
    @FXML private Label banner;
    @FXML private ComboBox<Executive> executiveBox;
    @FXML private Label accountsLabel;
    @FXML private FlowPane accountsPane;
    @FXML private Label accountsError;
    @FXML private DatePicker publishDatePicker;
    @FXML private TextField publishTimeField;
    @FXML private Label zoneLabel;
    @FXML private Label publishError;
    @FXML private SplitPane split;
    @FXML private Label textForLabel;
    @FXML private HBox platformTabs;
    @FXML private CheckBox variantBox;
    @FXML private StackPane editorHolder;
    @FXML private FlowPane countersPane;
    @FXML private TabPane lowerTabs;
    @FXML private Tab findingsTab;
    @FXML private Tab mediaTab;
    @FXML private Tab historyTab;
    @FXML private Label checkingLabel;
    @FXML private Button prevFindingButton;
    @FXML private Button nextFindingButton;
    @FXML private ListView<FindingViewModel> findingsList;
    @FXML private Button attachButton;
    @FXML private Label mediaError;
    @FXML private VBox mediaList;
    @FXML private ListView<VersionViewModel> versionsList;
    @FXML private ComboBox<VersionViewModel> diffFromBox;
    @FXML private ComboBox<VersionViewModel> diffToBox;
    @FXML private Button restoreButton;
    @FXML private TextFlow diffFlow;
    @FXML private Label diffLegend;
    @FXML private Label previewTitle;
    @FXML private ToggleButton threadToggle;
    @FXML private VBox previewBox;
    @FXML private Label voiceNotes;
    @FXML private Label shortcutHint;
    @FXML private Button saveButton;
    @FXML private Button submitButton;

    public ComposeController(DraftService drafts, ExecutiveService executives, ReviewService reviews,
                             io.byline.service.QueueService queue, TaskRunner runner,
                             Clock clock, I18n i18n, DialogService dialogs, ShellStatus status, Appearance appearance) {
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.status = status;
        this.appearance = appearance;
        this.checkDebounce = new FxDebouncer(ComposeViewModel.CHECK_DELAY);
        this.autosaveDebounce = new FxDebouncer(ComposeViewModel.AUTOSAVE_DELAY);
        this.model = new ComposeViewModel(drafts, executives, reviews, queue, runner, clock, i18n, checkDebounce, autosaveDebounce);
    }

    /** The view model (tests drive and inspect it). */
    public ComposeViewModel model() {
        return model;
    }

    /** The editor (tests read its styles). */
    public StyleClassedTextArea editor() {
        return editor;
    }

    /** Whether no debounced check or autosave is waiting (tests wait for this, then for the task runner). */
    public boolean quiet() {
        return !checkDebounce.pending() && !autosaveDebounce.pending();
    }

    @FXML
    private void initialize() {
        root.getProperties().put(ComposeController.class, this);
        boolean edit = model.canDraft();

        // editor
        editor.setId("editor");
        editor.setWrapText(true);
        editor.getStyleClass().add("compose-editor");
        editor.setEditable(edit);
        editor.setAccessibleText(i18n.text("compose.editor"));
        // Tab and Shift+Tab move on to the next control (a post never needs a tab character; swallowing Tab would
        // trap keyboard users in the editor)
        org.fxmisc.wellbehaved.event.Nodes.addInputMap(editor, org.fxmisc.wellbehaved.event.InputMap.ignore(
                org.fxmisc.wellbehaved.event.EventPattern.keyPressed(KeyCode.TAB, KeyCombination.SHIFT_ANY)));
        VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(editor);
        editorHolder.getChildren().add(scroll);
        Label placeholder = new Label(i18n.text("compose.editor.placeholder"));
        placeholder.getStyleClass().addAll(StyleClasses.HINT, "editor-placeholder");
        placeholder.setMouseTransparent(true);
        placeholder.visibleProperty().bind(Bindings.createBooleanBinding(() -> editor.getLength() == 0, editor.textProperty()));
        StackPane.setAlignment(placeholder, Pos.TOP_LEFT);
        editorHolder.getChildren().add(placeholder);
        editor.textProperty().addListener((o, a, b) -> {
            if (!b.equals(model.textProperty().get())) model.textProperty().set(b);
        });
        model.textProperty().addListener((o, a, b) -> {
            if (!editor.getText().equals(b)) {
                editor.replaceText(b == null ? "" : b);
                editor.getUndoManager().forgetHistory();
            }
        });
        model.findings().addListener((ListChangeListener<FindingViewModel>) c -> restyle());
        model.overflowStartProperty().addListener((o, a, b) -> restyle());
        editor.setMouseOverTextDelay(java.time.Duration.ofMillis(300));
        editor.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            String tip = hoverText(e.getCharacterIndex());
            if (tip == null) return;
            hoverTip.setText(tip);
            hoverTip.show(editor, e.getScreenPosition().getX(), e.getScreenPosition().getY() + 16);
        });
        editor.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hoverTip.hide());

        // header
        stateChip.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get() == null
                ? i18n.text("compose.state.new") : PostStates.name(model.stateProperty().get(), i18n), model.stateProperty()));
        model.stateProperty().addListener((o, a, b) -> styleState());
        styleState();
        saveStatus.textProperty().bind(Bindings.createStringBinding(this::saveStatusText, model.saveStateProperty(),
                model.savedAtProperty(), model.notReadyKeyProperty(), model.saveProblemProperty(), model.lastVersionNumberProperty()));
        model.saveStateProperty().addListener((o, a, b) -> {
            saveStatus.getStyleClass().remove("save-failed");
            if (b == ComposeViewModel.SaveState.FAILED) saveStatus.getStyleClass().add("save-failed");
        });
        draftsMenu.setOnShowing(e -> model.loadDrafts());
        model.draftList().addListener((ListChangeListener<QueueItem>) c -> fillDraftsMenu());
        fillDraftsMenu();
        newDraftButton.setGraphic(Icons.of(Icons.ADD));
        newDraftButton.setVisible(edit);
        newDraftButton.setManaged(edit);
        banner.textProperty().bind(Bindings.createStringBinding(this::bannerText, model.recoveredProperty(),
                model.submittedProperty(), model.stateProperty()));
        banner.visibleProperty().bind(banner.textProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());

        // executive, accounts, publish time
        executiveBox.setItems(model.executives());
        executiveBox.setConverter(converter(Executive::name));
        executiveBox.setTooltip(new Tooltip(i18n.text("compose.executive.tooltip")));
        executiveBox.valueProperty().bindBidirectional(model.executiveProperty());
        executiveBox.disableProperty().bind(model.postIdProperty().isNotNull().or(Bindings.createBooleanBinding(() -> !edit)));
        model.accounts().addListener((ListChangeListener<AccountToggleViewModel>) c -> fillAccounts());
        publishDatePicker.setConverter(DateFields.converter(i18n.locale()));
        publishDatePicker.valueProperty().bindBidirectional(model.publishDateProperty());
        publishDatePicker.setDisable(!edit);
        publishTimeField.textProperty().bindBidirectional(model.publishTimeProperty());
        publishTimeField.setEditable(edit);
        publishTimeField.setOnAction(e -> model.publishEdited());
        publishTimeField.focusedProperty().addListener((o, was, is) -> {
            if (!is) model.publishEdited();
        });
        zoneLabel.textProperty().bind(model.zoneLabelProperty());
        new FieldErrors(model.errors(), i18n)
                .field("publishAt", publishTimeField, publishError)
                .field("accounts", executiveBox, accountsError)
                .field("media", attachButton, mediaError);
        voiceNotes.textProperty().bind(Bindings.createStringBinding(() -> {
            Executive e = model.executiveProperty().get();
            return e == null || e.voiceNotes().isBlank() ? i18n.text("compose.voiceNotes.none") : e.voiceNotes();
        }, model.executiveProperty()));

        // platforms
        model.platforms().addListener((ListChangeListener<Platform>) c -> fillPlatforms());
        model.activePlatformProperty().addListener((o, a, b) -> {
            selectPlatformToggle();
            renderPreview();
        });
        platformGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                if (a != null && model.activePlatformProperty().get() != null) a.setSelected(true);
                return;
            }
            model.activePlatformProperty().set((Platform) b.getUserData());
        });
        variantBox.textProperty().bind(Bindings.createStringBinding(() -> model.activePlatformProperty().get() == null
                ? i18n.text("compose.variant.none")
                : i18n.text("compose.variant.own", model.activePlatformProperty().get().displayName()), model.activePlatformProperty()));
        variantBox.disableProperty().bind(model.activePlatformProperty().isNull().or(Bindings.createBooleanBinding(() -> !edit)));
        variantBox.setTooltip(new Tooltip(i18n.text("compose.variant.tooltip")));
        model.variantActiveProperty().addListener((o, a, b) -> variantBox.setSelected(b));
        variantBox.setOnAction(e -> toggleVariant());
        model.counters().addListener((ListChangeListener<CounterViewModel>) c -> fillCounters());

        // findings
        findingsTab.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("compose.findings.count",
                model.findings().size()), model.findings()));
        findingsList.setItems(model.findings());
        findingsList.setCellFactory(v -> new FindingCell());
        findingsList.setPlaceholder(placeholder("compose.findings.empty"));
        findingsList.setOnMouseClicked(e -> {
            FindingViewModel f = findingsList.getSelectionModel().getSelectedItem();
            if (f != null) reveal(f, false);
        });
        findingsList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                FindingViewModel f = findingsList.getSelectionModel().getSelectedItem();
                if (f != null) reveal(f, true);
            }
        });
        prevFindingButton.setGraphic(Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHEVRON_UP));
        nextFindingButton.setGraphic(Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHEVRON_DOWN));
        prevFindingButton.setTooltip(shortcutTip("compose.findings.previous", PREVIOUS_FINDING));
        nextFindingButton.setTooltip(shortcutTip("compose.findings.next", NEXT_FINDING));
        prevFindingButton.setAccessibleText(i18n.text("compose.findings.previous"));
        nextFindingButton.setAccessibleText(i18n.text("compose.findings.next"));
        checkingLabel.textProperty().bind(Bindings.createStringBinding(() -> model.checkFailedProperty().get()
                        ? i18n.text("compose.check.failed")
                        : model.checkingProperty().get() ? i18n.text("compose.check.running")
                        : model.activePlatformProperty().get() == null ? i18n.text("compose.check.noAccount")
                        : i18n.text("compose.check.done", model.activePlatformProperty().get().displayName()),
                model.checkingProperty(), model.checkFailedProperty(), model.activePlatformProperty()));

        // media
        mediaTab.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("compose.media.count", model.media().size()),
                model.media()));
        model.media().addListener((ListChangeListener<MediaViewModel>) c -> fillMedia());
        attachButton.setGraphic(Icons.of(Icons.PHOTO));
        attachButton.setDisable(!edit);

        // history
        versionsList.setItems(model.versions());
        versionsList.setCellFactory(v -> new VersionCell());
        versionsList.setPlaceholder(placeholder("compose.history.empty"));
        diffFromBox.setItems(model.versions());
        diffToBox.setItems(model.versions());
        StringConverter<VersionViewModel> vc = converter(v -> i18n.text("compose.history.version", v.number()));
        diffFromBox.setConverter(vc);
        diffToBox.setConverter(vc);
        diffFromBox.valueProperty().bindBidirectional(model.diffFromProperty());
        diffToBox.valueProperty().bindBidirectional(model.diffToProperty());
        diffFromBox.setOnAction(e -> model.showDiff());
        diffToBox.setOnAction(e -> model.showDiff());
        versionsList.getSelectionModel().selectedItemProperty().addListener((o, a, v) -> {
            if (v == null) return;
            int i = model.versions().indexOf(v);
            if (i + 1 < model.versions().size()) {
                model.diffFromProperty().set(model.versions().get(i + 1));
                model.diffToProperty().set(v);
                model.showDiff();
            }
        });
        model.diff().addListener((ListChangeListener<WordDiff.Segment>) c -> renderDiff());
        restoreButton.disableProperty().bind(versionsList.getSelectionModel().selectedItemProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> !edit)));
        restoreButton.setTooltip(new Tooltip(i18n.text("compose.history.restore.tooltip")));
        diffLegend.setText(i18n.text("compose.diff.legend"));
        historyTab.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("compose.history.count",
                model.versions().size()), model.versions()));

        // preview
        previewTitle.textProperty().bind(Bindings.createStringBinding(() -> model.activePlatformProperty().get() == null
                ? i18n.text("compose.preview") : i18n.text("compose.preview.on", model.activePlatformProperty().get().displayName()),
                model.activePlatformProperty()));
        threadToggle.selectedProperty().bindBidirectional(model.threadModeProperty());
        threadToggle.disableProperty().bind(Bindings.createBooleanBinding(() -> model.activePlatformProperty().get() == null
                || !ComposeViewModel.THREAD_PLATFORMS.contains(model.activePlatformProperty().get()), model.activePlatformProperty()));
        threadToggle.setTooltip(new Tooltip(i18n.text("compose.thread.tooltip")));
        model.textProperty().addListener((o, a, b) -> renderPreview());
        model.threadParts().addListener((ListChangeListener<ThreadPartViewModel>) c -> renderPreview());
        model.threadModeProperty().addListener((o, a, b) -> renderPreview());
        model.accounts().addListener((ListChangeListener<AccountToggleViewModel>) c -> renderPreview());
        model.media().addListener((ListChangeListener<MediaViewModel>) c -> {
            renderPreview();
            for (MediaViewModel m : model.media()) {
                m.bytesProperty().removeListener(previewOnBytes);
                m.bytesProperty().addListener(previewOnBytes);
            }
        });

        // actions and shortcuts
        saveButton.setTooltip(shortcutTip("compose.save.tooltip", SAVE));
        submitButton.setTooltip(shortcutTip("compose.submit.tooltip", SUBMIT));
        saveButton.disableProperty().bind(model.busyProperty().or(Bindings.createBooleanBinding(() -> !edit)));
        submitButton.disableProperty().bind(model.busyProperty().or(Bindings.createBooleanBinding(() -> !model.canSubmit(),
                model.stateProperty())));
        shortcutHint.setText(i18n.text("compose.shortcuts", SAVE.getDisplayText(), SUBMIT.getDisplayText(),
                NEXT_FINDING.getDisplayText(), NEXT_PLATFORM.getDisplayText()));
        // shortcuts work anywhere in the window while this screen is shown (the window swaps screens in and out)
        root.sceneProperty().addListener((o, before, now) -> {
            if (before != null) before.removeEventFilter(KeyEvent.KEY_PRESSED, shortcutFilter);
            if (now != null) now.addEventFilter(KeyEvent.KEY_PRESSED, shortcutFilter);
        });
        if (root.getScene() != null) root.getScene().addEventFilter(KeyEvent.KEY_PRESSED, shortcutFilter);
        model.submitPreviewProperty().addListener((o, a, p) -> {
            if (p != null) FxTaskRunner.later(() -> showSubmitDialog(p));
        });
        model.failureProperty().addListener((o, a, e) -> {
            if (e == null) return;
            model.failureProperty().set(null);
            dialogs.error(i18n.problem(e), model.sharedText());
        });
        split.setDividerPositions(0.6);
        renderPreview();
        model.load();
    }

    // ====================================================================================== Screen

    @Override
    public void shown() {
        model.load();
        if (!shownOnce) {
            shownOnce = true;
            model.recoverUnsaved();
        }
    }

    @Override
    public boolean hasUnsavedChanges() {
        return model.hasUnsavedChanges();
    }

    /**
     * Opens a draft from elsewhere (a bar of the Dashboard), as the drafts menu does: asks first when the text being
     * written here is not saved, and keeps it when the user says so.
     */
    @Override
    public boolean open(io.byline.ui.common.PostLink link) {
        Long current = model.postIdProperty().get();
        if (current != null && current == link.postId()) return true;
        if (model.hasUnsavedChanges() && !dialogs.confirm(i18n.text("compose.new.confirm.title"),
                i18n.text("compose.new.confirm.message"), i18n.text("compose.new.confirm.discard"))) return true;
        model.open(link.postId());
        return true;
    }

    // ====================================================================================== actions

    @FXML
    private void save() {
        model.save();
        model.saveStateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends ComposeViewModel.SaveState> o,
                                ComposeViewModel.SaveState a, ComposeViewModel.SaveState b) {
                if (b == ComposeViewModel.SaveState.SAVED) status.saved();
                if (b != ComposeViewModel.SaveState.SAVING) o.removeListener(this);
            }
        });
    }

    @FXML
    private void submit() {
        submitOpener = Keyboard.focusOwner(root);
        model.prepareSubmit();
    }

    @FXML
    private void newDraft() {
        if (model.hasUnsavedChanges() && !dialogs.confirm(i18n.text("compose.new.confirm.title"),
                i18n.text("compose.new.confirm.message"), i18n.text("compose.new.confirm.discard"))) return;
        model.newDraft();
        editor.requestFocus();
    }

    @FXML
    private void nextFinding() {
        step(true);
    }

    @FXML
    private void previousFinding() {
        step(false);
    }

    private void step(boolean forward) {
        int i = model.nextFinding(editor.getCaretPosition(), forward);
        if (i < 0) return;
        findingsList.getSelectionModel().select(i);
        findingsList.scrollTo(i);
        reveal(model.findings().get(i), true);
    }

    @FXML
    private void attach() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("compose.media.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.text("compose.media.filter"),
                "*.png", "*.jpg", "*.jpeg", "*.gif", "*.webp"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file == null) return;
        try {
            if (Files.size(file.toPath()) > DraftService.MAX_MEDIA_BYTES) {
                model.errors().put("media", "compose.error.mediaTooLarge");
                return;
            }
            model.attach(file.getName(), Files.readAllBytes(file.toPath()));
        } catch (IOException e) {
            model.errors().put("media", "compose.error.mediaUnreadable");
        }
    }

    @FXML
    private void restore() {
        VersionViewModel v = versionsList.getSelectionModel().getSelectedItem();
        if (v == null) return;
        if (!dialogs.confirm(i18n.text("compose.history.restore.title", v.number()),
                i18n.text("compose.history.restore.message", v.number()), i18n.text("compose.history.restore"))) return;
        model.restore(v);
    }

    private void toggleVariant() {
        boolean own = variantBox.isSelected();
        if (!own && model.variantDiffers() && !dialogs.confirm(i18n.text("compose.variant.drop.title"),
                i18n.text("compose.variant.drop.message", model.activePlatformProperty().get().displayName()),
                i18n.text("compose.variant.drop.confirm"))) {
            variantBox.setSelected(true);
            return;
        }
        model.setVariant(own);
        editor.requestFocus();
    }

    private void shortcut(KeyEvent e) {
        if (root.getScene() == null || e.getTarget() instanceof Node n && n.getScene() != root.getScene()) return;
        if (SAVE.match(e)) {
            save();
        } else if (SUBMIT.match(e)) {
            if (!submitButton.isDisabled()) submit();
        } else if (PREVIOUS_FINDING.match(e)) {
            previousFinding();
        } else if (NEXT_FINDING.match(e)) {
            nextFinding();
        } else if (NEXT_PLATFORM.match(e) || PREVIOUS_PLATFORM.match(e)) {
            List<Platform> ps = model.platforms();
            if (ps.isEmpty()) return;
            int i = ps.indexOf(model.activePlatformProperty().get());
            int next = Math.floorMod(i + (NEXT_PLATFORM.match(e) ? 1 : -1), ps.size());
            model.activePlatformProperty().set(ps.get(next));
        } else {
            return;
        }
        e.consume();
    }

    /** Selects a finding's span in the editor (or opens the image it is about). */
    private void reveal(FindingViewModel f, boolean focusEditor) {
        model.selectedFindingProperty().set(model.findings().indexOf(f));
        if (f.mediaId() != 0) {
            lowerTabs.getSelectionModel().select(mediaTab);
            mediaList.lookupAll("#alt-" + f.mediaId()).forEach(Node::requestFocus);
            return;
        }
        if (!f.hasSpan()) return;
        int n = editor.getLength();
        editor.selectRange(Math.min(f.start(), n), Math.min(f.end(), n));
        editor.requestFollowCaret();
        if (focusEditor) editor.requestFocus();
    }

    // ====================================================================================== highlights

    /** Paints findings (by severity) and the overflow past the platform's limit. */
    private void restyle() {
        int n = editor.getLength();
        if (n == 0) return;
        int[] sev = new int[n];
        for (FindingViewModel f : model.findings()) {
            if (!f.hasSpan() || RuleIds.LENGTH.equals(f.rule())) continue;
            int level = f.severity().ordinal() + 1;
            for (int i = Math.max(0, f.start()); i < Math.min(n, f.end()); i++) sev[i] = Math.max(sev[i], level);
        }
        int over = model.overflowStartProperty().get();
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            boolean boundary = i == n || sev[i] != sev[runStart] || (over >= 0 && i == over);
            if (boundary) {
                b.add(classes(sev[runStart], over >= 0 && runStart >= over), i - runStart);
                runStart = i;
            }
        }
        StyleSpans<Collection<String>> spans = b.create();
        editor.setStyleSpans(0, spans);
    }

    private static Collection<String> classes(int sev, boolean overflow) {
        List<String> out = new ArrayList<>(2);
        if (sev > 0) out.add("hl-" + Severity.values()[sev - 1].name().toLowerCase(Locale.ROOT));
        if (overflow) out.add("hl-over");
        return out;
    }

    private String hoverText(int index) {
        List<String> lines = new ArrayList<>();
        for (FindingViewModel f : model.findings()) {
            if (f.covers(index) && !RuleIds.LENGTH.equals(f.rule())) lines.add(Severities.name(f.severity(), i18n) + ": " + f.message());
        }
        int over = model.overflowStartProperty().get();
        Platform p = model.activePlatformProperty().get();
        if (over >= 0 && index >= over && p != null) lines.add(i18n.text("compose.overflow.tooltip", p.displayName(), p.limit()));
        return lines.isEmpty() ? null : String.join("\n", lines);
    }


    // ====================================================================================== filling

    private void fillAccounts() {
        List<Node> nodes = new ArrayList<>();
        List<AccountToggleViewModel> rows = new ArrayList<>(model.accounts());
        rows.sort(java.util.Comparator.comparing((AccountToggleViewModel a) -> a.account().platform()));
        for (AccountToggleViewModel a : rows) {
            Account acc = a.account();
            long samePlatform = rows.stream().filter(r -> r.account().platform() == acc.platform()).count();
            ToggleButton b = new ToggleButton(samePlatform > 1 ? acc.platform().displayName() + " @" + acc.handle()
                    : acc.platform().displayName());
            b.setId("account-" + acc.platform().id());
            b.getStyleClass().add("account-toggle");
            b.selectedProperty().bindBidirectional(a.selectedProperty());
            b.graphicProperty().bind(Bindings.createObjectBinding(() -> a.isSelected() ? Icons.of(Icons.CHECK) : null,
                    a.selectedProperty()));
            b.setDisable(!model.canDraft());
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setTooltip(new Tooltip(i18n.text("compose.account.tooltip", acc.platform().displayName(), acc.handle(),
                    i18n.text("compose.capacity." + acc.capacity().name()))));
            nodes.add(b);
        }
        if (nodes.isEmpty()) {
            Label none = new Label(i18n.text(model.executiveProperty().get() == null ? "compose.accounts.pickExecutive"
                    : "compose.accounts.none"));
            none.getStyleClass().add(StyleClasses.HINT);
            none.setWrapText(true);
            nodes.add(none);
        }
        // "Accounts" names the first account (Alt+A goes there), or the hint that says why there is none (never
        // nothing: a label that once named nothing keeps a stale mnemonic of its own in JavaFX)
        Keyboard.label(accountsLabel, nodes.get(0));
        accountsPane.getChildren().setAll(nodes);
    }

    private void fillPlatforms() {
        List<Node> nodes = new ArrayList<>();
        for (Platform p : model.platforms()) {
            ToggleButton b = new ToggleButton(p.displayName());
            b.setId("platform-" + p.id());
            b.setUserData(p);
            b.setToggleGroup(platformGroup);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setTooltip(shortcutTip2("compose.platform.tooltip", p.displayName(), NEXT_PLATFORM));
            nodes.add(b);
        }
        platformGroup.getToggles().removeIf(t -> !nodes.contains(t));
        platformTabs.getChildren().setAll(nodes);
        selectPlatformToggle();
    }

    private void selectPlatformToggle() {
        Platform p = model.activePlatformProperty().get();
        for (Node n : platformTabs.getChildren()) {
            ToggleButton b = (ToggleButton) n;
            if (b.getUserData() == p && !b.isSelected()) b.setSelected(true);
            if (b.getUserData() == p) Keyboard.label(textForLabel, b); // Alt+T: the platform whose text is shown
        }
    }

    private void fillCounters() {
        List<Node> nodes = new ArrayList<>();
        for (CounterViewModel c : model.counters()) {
            Label l = new Label(c.platform().displayName() + "  " + c.count() + " / " + c.limit());
            l.setId("counter-" + c.platform().id());
            l.getStyleClass().addAll("counter", "counter-" + c.level().name().toLowerCase(Locale.ROOT));
            l.setGraphic(Icons.of(switch (c.level()) {
                case OK -> Icons.CHECK;
                case NEAR -> Icons.SEVERITY_WARN;
                case OVER -> Icons.SEVERITY_BLOCK;
            }));
            String how = i18n.text("compose.counter.how." + c.platform().id());
            String level = i18n.text("compose.counter." + c.level().name(), c.limit() - c.count(), c.count() - c.limit());
            l.setTooltip(new Tooltip(level + "\n" + how + (c.variant() ? "\n" + i18n.text("compose.counter.variant") : "")));
            l.setMinWidth(Region.USE_PREF_SIZE);
            nodes.add(l);
        }
        countersPane.getChildren().setAll(nodes);
    }

    private void fillMedia() {
        List<Node> nodes = new ArrayList<>();
        for (MediaViewModel m : model.media()) {
            ImageView thumb = new ImageView();
            thumb.setFitWidth(64);
            thumb.setFitHeight(64);
            thumb.setPreserveRatio(true);
            thumb.imageProperty().bind(Bindings.createObjectBinding(() -> m.bytesProperty().get() == null ? null
                    : new Image(new ByteArrayInputStream(m.bytesProperty().get()), 64, 64, true, true), m.bytesProperty()));
            StackPane frame = new StackPane(thumb);
            frame.getStyleClass().add("media-thumb");
            frame.setMinSize(72, 72);
            frame.setMaxSize(72, 72);
            Label name = new Label(m.fileName());
            name.getStyleClass().add(StyleClasses.FIELD_LABEL);
            Label altLabel = new Label(i18n.text("compose.media.altText"));
            altLabel.getStyleClass().add(StyleClasses.HINT);
            TextField alt = new TextField();
            alt.setId("alt-" + m.id());
            Keyboard.label(altLabel, alt); // one per image: named, without a mnemonic that would repeat
            alt.setPromptText(i18n.text("compose.media.altText.prompt"));
            alt.textProperty().bindBidirectional(m.altTextProperty());
            alt.setEditable(model.canDraft());
            alt.setOnAction(e -> model.commitAltText(m));
            alt.focusedProperty().addListener((o, was, is) -> {
                if (!is) model.commitAltText(m);
            });
            Label missing = new Label(i18n.text("finding.media.altText"), Icons.of(Icons.SEVERITY_WARN));
            missing.getStyleClass().addAll(StyleClasses.SEVERITY_CHIP, StyleClasses.FINDING_WARN);
            missing.setWrapText(true);
            missing.visibleProperty().bind(Bindings.createBooleanBinding(() -> !m.hasAltText(), m.altTextProperty()));
            missing.managedProperty().bind(missing.visibleProperty());
            VBox fields = new VBox(4, name, altLabel, alt, missing);
            HBox.setHgrow(fields, Priority.ALWAYS);
            Button remove = new Button(i18n.text("compose.media.remove"));
            remove.getStyleClass().add("ghost-danger");
            remove.setMinWidth(Region.USE_PREF_SIZE);
            remove.setDisable(!model.canDraft());
            remove.setOnAction(e -> {
                if (dialogs.confirm(i18n.text("compose.media.remove.title"), i18n.text("compose.media.remove.message", m.fileName()),
                        i18n.text("compose.media.remove"))) model.removeMedia(m);
            });
            HBox row = new HBox(12, frame, fields, remove);
            row.getStyleClass().add("media-row");
            row.setAlignment(Pos.TOP_LEFT);
            nodes.add(row);
        }
        if (nodes.isEmpty()) nodes.add(placeholder("compose.media.empty"));
        mediaList.getChildren().setAll(nodes);
    }

    private void fillDraftsMenu() {
        List<MenuItem> items = new ArrayList<>();
        for (QueueItem q : model.draftList()) {
            String excerpt = q.excerpt() == null || q.excerpt().isBlank() ? i18n.text("compose.drafts.empty.text") : q.excerpt();
            if (excerpt.length() > 48) excerpt = excerpt.substring(0, 47) + "…";
            MenuItem mi = new MenuItem(q.executiveName() + " — " + excerpt);
            mi.setOnAction(e -> {
                if (model.hasUnsavedChanges() && !dialogs.confirm(i18n.text("compose.new.confirm.title"),
                        i18n.text("compose.new.confirm.message"), i18n.text("compose.new.confirm.discard"))) return;
                model.open(q.postId());
            });
            items.add(mi);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem(i18n.text("compose.drafts.none"));
            none.setDisable(true);
            items.add(none);
        }
        draftsMenu.getItems().setAll(items);
    }

    private void renderDiff() {
        List<Node> nodes = new ArrayList<>();
        for (WordDiff.Segment s : model.diff()) {
            Text t = new Text(s.text());
            t.getStyleClass().add(switch (s.op()) {
                case EQUAL -> "diff-equal";
                case INSERT -> "diff-insert";
                case DELETE -> "diff-delete";
            });
            if (s.op() == WordDiff.Op.DELETE) t.setStrikethrough(true);
            if (s.op() == WordDiff.Op.INSERT) t.setUnderline(true);
            nodes.add(t);
        }
        if (nodes.isEmpty()) {
            Text t = new Text(i18n.text(model.versions().size() < 2 ? "compose.diff.needTwo" : "compose.diff.same"));
            t.getStyleClass().add("diff-empty");
            nodes.add(t);
        }
        diffFlow.getChildren().setAll(nodes);
    }

    // ====================================================================================== preview

    private void renderPreview() {
        Platform p = model.activePlatformProperty().get();
        Executive e = model.executiveProperty().get();
        List<Node> nodes = new ArrayList<>();
        if (p == null || e == null) {
            nodes.add(placeholder("compose.preview.empty"));
            previewBox.getChildren().setAll(nodes);
            return;
        }
        Account acc = model.accountFor(p);
        String text = model.textFor(p);
        if (model.threadModeProperty().get() && !model.threadParts().isEmpty()) {
            for (ThreadPartViewModel part : model.threadParts()) {
                VBox card = postCard(e, acc, part.text(), -1, p);
                card.setId("thread-part-" + part.number());
                Label head = new Label(i18n.text("compose.thread.part", part.number(), part.total()));
                head.getStyleClass().add(StyleClasses.FIELD_LABEL);
                head.setMinWidth(Region.USE_PREF_SIZE);
                Label count = counterLabel(part.count(), part.limit());
                FlowPane foot = new FlowPane(8, 4, head, findingsChip(part), count);
                foot.setAlignment(Pos.CENTER_LEFT);
                card.getChildren().add(foot);
                nodes.add(card);
            }
        } else {
            int over = model.overflowStartProperty().get();
            VBox card = postCard(e, acc, text, text.equals(model.textProperty().get()) ? over : -1, p);
            card.setId("preview-card");
            Label count = counterLabel(io.byline.validation.PlatformLength.count(text, p), p.limit());
            HBox foot = new HBox(8, spacer(), count);
            card.getChildren().add(foot);
            nodes.add(card);
        }
        for (MediaViewModel m : model.media()) {
            if (m.bytesProperty().get() == null) continue;
            ImageView iv = new ImageView(new Image(new ByteArrayInputStream(m.bytesProperty().get()), 240, 160, true, true));
            iv.setAccessibleText(m.altTextProperty().get());
            iv.setId("preview-media-" + m.id());
            nodes.add(iv);
        }
        previewBox.getChildren().setAll(nodes);
    }

    private VBox postCard(Executive e, Account acc, String text, int overflowStart, Platform p) {
        Node avatar;
        if (e.photo() != null) {
            ImageView iv = new ImageView(new Image(new ByteArrayInputStream(e.photo()), 40, 40, false, true));
            iv.setFitWidth(40);
            iv.setFitHeight(40);
            iv.setClip(new Circle(20, 20, 20));
            avatar = iv;
        } else {
            Label initials = new Label(initials(e.name()));
            initials.getStyleClass().add(StyleClasses.AVATAR);
            avatar = initials;
        }
        Label name = new Label(e.name());
        name.getStyleClass().add("preview-name");
        Label handle = new Label(acc == null ? "" : "@" + acc.handle());
        handle.getStyleClass().add(StyleClasses.MUTED);
        HBox head = new HBox(10, avatar, new VBox(0, name, handle));
        head.setAlignment(Pos.CENTER_LEFT);
        TextFlow body = new TextFlow();
        body.getStyleClass().add("preview-text");
        body.getChildren().setAll(previewTexts(text, overflowStart));
        VBox card = new VBox(8, head, body);
        card.getStyleClass().addAll("preview-post", "preview-" + p.id());
        return card;
    }

    /** The text as the platform shows it: links, mentions and hashtags styled; the part past the limit marked. */
    List<Text> previewTexts(String text, int overflowStart) {
        List<Entities.Entity> entities = Entities.extract(text);
        List<Integer> cuts = new ArrayList<>(List.of(0, text.length()));
        for (Entities.Entity en : entities) {
            cuts.add(en.start());
            cuts.add(en.end());
        }
        if (overflowStart > 0 && overflowStart < text.length()) cuts.add(overflowStart);
        List<Integer> sorted = cuts.stream().distinct().sorted().toList();
        List<Text> out = new ArrayList<>();
        for (int k = 0; k + 1 < sorted.size(); k++) {
            int s = sorted.get(k);
            int en = sorted.get(k + 1);
            Text t = new Text(text.substring(s, en));
            t.getStyleClass().add("pv-text");
            for (Entities.Entity ent : entities) {
                if (s >= ent.start() && en <= ent.end()) {
                    t.getStyleClass().add("pv-" + ent.kind().name().toLowerCase(Locale.ROOT));
                }
            }
            if (overflowStart >= 0 && s >= overflowStart) {
                t.getStyleClass().add("pv-over");
                t.setStrikethrough(true);
            }
            out.add(t);
        }
        return out;
    }

    private Label counterLabel(int count, int limit) {
        Label l = new Label(count + " / " + limit);
        l.setMinWidth(Region.USE_PREF_SIZE);
        CounterViewModel.Level level = CounterViewModel.level(count, limit);
        l.getStyleClass().addAll("counter", "counter-" + level.name().toLowerCase(Locale.ROOT));
        return l;
    }

    private Node findingsChip(ThreadPartViewModel part) {
        if (part.worst() == null) {
            Label ok = new Label(i18n.text("compose.thread.clean"), Icons.of(Icons.CHECK));
            ok.getStyleClass().addAll(StyleClasses.SEVERITY_CHIP, "chip-ok");
            return ok;
        }
        Label l = new Label(i18n.text("compose.thread.findings", part.findings().size()), Icons.of(Icons.severity(part.worst())));
        l.getStyleClass().addAll(StyleClasses.SEVERITY_CHIP, StyleClasses.severity(part.worst()));
        l.setTooltip(new Tooltip(String.join("\n", part.findings().stream().map(f -> Severities.name(f.severity(), i18n) + ": "
                + f.message()).toList())));
        return l;
    }

    // ====================================================================================== submit

    private void showSubmitDialog(DraftService.SubmitPreview p) {
        if (model.submitPreviewProperty().get() != p) return;
        Dialog<ButtonType> dialog = new Dialog<>();
        if (root.getScene() != null) dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Byline");
        dialog.setHeaderText(i18n.text(p.reasonRequired() ? "compose.submit.dialog.blocking" : "compose.submit.dialog.title"));
        ButtonType send = new ButtonType(i18n.text("compose.submit.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.text("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(cancel, send);
        dialog.getDialogPane().setId("submitDialog");
        dialog.getDialogPane().getStyleClass().add("byline-dialog");
        appearance.styleNow(dialog.getDialogPane().getScene());

        VBox content = new VBox(10);
        content.setPrefWidth(520);
        Label intro = new Label(i18n.text(model.submitFindings().isEmpty() ? "compose.submit.dialog.clean"
                : "compose.submit.dialog.findings", model.submitFindings().size()));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        content.getChildren().add(intro);
        if (!model.submitFindings().isEmpty()) {
            ListView<FindingViewModel> list = new ListView<>(model.submitFindings());
            list.setId("submitFindings");
            list.setAccessibleText(i18n.text("compose.findings"));
            list.setCellFactory(v -> new FindingCell());
            list.setPrefHeight(Math.min(240, 72 * model.submitFindings().size() + 8));
            content.getChildren().add(list);
        }
        TextArea reason = new TextArea();
        Label reasonError = new Label();
        if (p.reasonRequired()) {
            Label reasonLabel = new Label(i18n.text("compose.submit.reason"));
            reasonLabel.getStyleClass().add(StyleClasses.FIELD_LABEL);
            Keyboard.label(reasonLabel, reason);
            reason.setId("submitReason");
            reason.setPrefRowCount(3);
            reason.setWrapText(true);
            reason.setPromptText(i18n.text("compose.submit.reason.prompt"));
            Label hint = new Label(i18n.text("compose.submit.reason.hint", DraftService.MIN_REASON));
            hint.getStyleClass().add(StyleClasses.HINT);
            hint.setWrapText(true);
            reasonError.setId("submitReasonError");
            reasonError.getStyleClass().add(StyleClasses.FIELD_ERROR);
            reasonError.setWrapText(true);
            reasonError.setMinHeight(Region.USE_PREF_SIZE);
            hint.setMinHeight(Region.USE_PREF_SIZE);
            reasonError.managedProperty().bind(reasonError.visibleProperty());
            reasonError.visibleProperty().bind(reasonError.textProperty().isNotEmpty());
            reasonError.textProperty().bind(Bindings.createStringBinding(() -> model.submitErrorProperty().get() == null
                    ? "" : i18n.keyOrText(model.submitErrorProperty().get()), model.submitErrorProperty()));
            content.getChildren().addAll(reasonLabel, reason, hint, reasonError);
            FxTaskRunner.later(reason::requestFocus);
        }
        dialog.getDialogPane().setContent(content);
        Button sendButton = (Button) dialog.getDialogPane().lookupButton(send);
        sendButton.setId("submitConfirm");
        sendButton.setMinWidth(Region.USE_PREF_SIZE);
        ButtonBar.setButtonUniformSize(sendButton, false);
        ButtonBar.setButtonUniformSize(dialog.getDialogPane().lookupButton(cancel), false);
        ((Button) dialog.getDialogPane().lookupButton(cancel)).setMinWidth(Region.USE_PREF_SIZE);
        sendButton.setDefaultButton(!p.reasonRequired());
        if (p.reasonRequired()) sendButton.getStyleClass().add(StyleClasses.DANGER);
        sendButton.addEventFilter(ActionEvent.ACTION, ev -> {
            if (!model.submit(reason.getText())) ev.consume();
        });
        Optional<ButtonType> result = dialog.showAndWait();
        if (result.isEmpty() || result.get() != send) model.cancelSubmit();
        Keyboard.returnFocus(submitOpener, editor);
    }

    // ====================================================================================== texts

    private String saveStatusText() {
        ComposeViewModel.SaveState s = model.saveStateProperty().get();
        return switch (s) {
            case EMPTY -> i18n.text("compose.saveState.empty");
            case NOT_READY -> i18n.text("compose.saveState.notReady", i18n.keyOrText(model.notReadyKeyProperty().get()));
            case UNSAVED -> i18n.text("compose.saveState.unsaved");
            case SAVING -> i18n.text("compose.saveState.saving");
            case SAVED -> i18n.text("compose.saveState.saved", time(model.savedAtProperty().get()),
                    model.lastVersionNumberProperty().get());
            case FAILED -> {
                Throwable t = model.saveProblemProperty().get();
                I18n.Problem pr = t == null ? null : i18n.problem(t);
                yield i18n.text("compose.saveState.failed", pr == null ? "" : pr.what(), pr == null ? "" : pr.action());
            }
        };
    }

    private String bannerText() {
        if (!model.canDraft()) return i18n.text("compose.readOnly");
        if (model.submittedProperty().get()) return i18n.text("compose.banner.submitted");
        if (model.recoveredProperty().get()) return i18n.text("compose.banner.recovered");
        PostState s = model.stateProperty().get();
        if (s != null && s != PostState.DRAFT && s != PostState.CHANGES_REQUESTED) return i18n.text("compose.banner.inReview");
        return "";
    }

    private void styleState() {
        stateChip.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals(StyleClasses.STATE_CHIP));
        PostState s = model.stateProperty().get();
        stateChip.getStyleClass().add(StyleClasses.state(s == null ? "DRAFT" : s.name()));
    }

    private String time(java.time.Instant at) {
        if (at == null) return "";
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(i18n.locale()).format(at.atZone(ZoneId.systemDefault()));
    }

    private String dateTime(java.time.Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.SHORT).withLocale(i18n.locale())
                .format(at.atZone(ZoneId.systemDefault()));
    }

    private Tooltip shortcutTip(String key, KeyCombination k) {
        return new Tooltip(i18n.text(key) + "  (" + k.getDisplayText() + ")");
    }

    private Tooltip shortcutTip2(String key, String arg, KeyCombination k) {
        return new Tooltip(i18n.text(key, arg) + "  (" + k.getDisplayText() + " / " + PREVIOUS_PLATFORM.getDisplayText() + ")");
    }

    private Label placeholder(String key) {
        Label l = new Label(i18n.text(key));
        l.setWrapText(true);
        l.getStyleClass().add(StyleClasses.EMPTY_STATE);
        return l;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (!part.isEmpty() && sb.length() < 2) sb.appendCodePoint(part.codePointAt(0));
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    // ====================================================================================== cells

    private final class FindingCell extends ListCell<FindingViewModel> {
        FindingCell() {
            setPrefWidth(0); // the list's width, never wider: long matched text wraps instead of scrolling sideways
        }

        @Override
        protected void updateItem(FindingViewModel f, boolean empty) {
            super.updateItem(f, empty);
            setText(null);
            if (empty || f == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label chip = new Label(Severities.name(f.severity(), i18n), Icons.of(Icons.severity(f.severity())));
            chip.getStyleClass().addAll(StyleClasses.SEVERITY_CHIP, StyleClasses.severity(f.severity()));
            chip.setMinWidth(Region.USE_PREF_SIZE);
            Label message = new Label(f.message());
            message.getStyleClass().add("finding-message");
            message.setWrapText(true);
            Label rule = new Label(f.rule() + (f.platform() == null ? "" : " · " + f.platform().displayName()));
            rule.getStyleClass().add(StyleClasses.HINT);
            rule.setMinWidth(Region.USE_PREF_SIZE);
            HBox top = new HBox(8, chip, message, spacer(), rule);
            top.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(2, top);
            if (!f.matched().isEmpty()) {
                String m = f.matched().length() > 120 ? f.matched().substring(0, 119) + "…" : f.matched();
                Label matched = new Label("“" + m + "”");
                matched.setWrapText(true);
                matched.getStyleClass().add("finding-matched");
                box.getChildren().add(matched);
            }
            box.setMaxWidth(Double.MAX_VALUE);
            setGraphic(box);
            setTooltip(new Tooltip(i18n.text("compose.findings.click")));
        }
    }

    private final class VersionCell extends ListCell<VersionViewModel> {
        VersionCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(VersionViewModel v, boolean empty) {
            super.updateItem(v, empty);
            setText(null);
            if (empty || v == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(i18n.text("compose.history.version", v.number()));
            title.getStyleClass().add(StyleClasses.FIELD_LABEL);
            Label when = new Label(dateTime(v.createdAt()));
            when.getStyleClass().add(StyleClasses.HINT);
            Label who = new Label(v.authorName());
            who.getStyleClass().add(StyleClasses.HINT);
            VBox box = new VBox(1, title, when, who);
            if (v.note() != null && !v.note().isBlank()) {
                Label note = new Label(v.note());
                note.getStyleClass().add(StyleClasses.HINT);
                note.setWrapText(true);
                box.getChildren().add(note);
            }
            setGraphic(box);
        }
    }
}
