package io.byline.ui.common;

import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.Mnemonic;
import javafx.stage.Window;

import java.util.List;

/**
 * What keyboard and screen-reader users need from every screen, in one place.
 * <ul>
 *   <li>{@link #label(Label, Node)} names an input by the label above it: screen readers announce the label
 *   ({@code labelFor}), and the label's mnemonic ({@code _} before a letter in the bundle text, e.g.
 *   {@code executives.name=_Name}) moves the focus to the input with Alt+letter. In FXML, on the input:
 *   {@code <TextField fx:id="nameField" Keyboard.labelledBy="$nameLabel"/>} (the label comes first in the file,
 *   so it can be referred to; {@code labelFor="$field"} on the label would point at a field not loaded yet).</li>
 *   <li>{@link #install()} makes Tab leave multi-line text fields in every window, as it leaves every other
 *   control: posts and reasons never need a tab character, and a field that swallows Tab traps keyboard users.
 *   It also scrolls the control that gets the focus into view when it sits in a scroll pane (a form longer than
 *   the window, the details of a post), and keeps every window's mnemonics working as screens come and go (see
 *   {@link #pruneMnemonics}).</li>
 * </ul>
 */
public final class Keyboard {
    private static final String LABELLED_BY = "byline.labelledBy";
    private static final String ENTER_ONLY = "byline.actionOnEnterOnly";
    private static final String WATCHED = "byline.keyboardWatched";
    private static final String MNEMONIC_KEPT = "byline.mnemonicKept";
    private static boolean installed;

    private Keyboard() {}

    /**
     * Names {@code control} by {@code label} and lets the label's mnemonic focus it. A text field's action (Enter)
     * does not run when the mnemonic moves the focus there: JavaFX fires an action event at the mnemonic's target,
     * which would otherwise, say, add an empty entry to a list.
     */
    public static void label(Label label, Node control) {
        label.setMnemonicParsing(true);
        label.setLabelFor(control);
        control.getProperties().put(LABELLED_BY, label);
        if (control instanceof TextField field) actOnEnterOnly(field);
        keepMnemonic(label, control);
    }

    /**
     * JavaFX registers a label's mnemonic in the scene its input is in at the moment the label is pointed at it or
     * the label enters a scene, and drops it when the input leaves: an input added after its label, or a screen
     * shown again (the shell keeps screens and puts them back), would lose its Alt+letter. So the label is pointed
     * at its input again whenever either enters a scene.
     */
    private static void keepMnemonic(Label label, Node control) {
        if (label.getProperties().putIfAbsent(MNEMONIC_KEPT, Boolean.TRUE) == null) {
            label.sceneProperty().addListener((obs, old, now) -> {
                if (now != null) FxTaskRunner.later(() -> repoint(label));
            });
        }
        if (control.getProperties().putIfAbsent(MNEMONIC_KEPT, Boolean.TRUE) == null) {
            control.sceneProperty().addListener((obs, old, now) -> {
                if (now != null) FxTaskRunner.later(() -> {
                    Label l = getLabelledBy(control);
                    if (l != null && l.getLabelFor() == control) repoint(l);
                });
            });
        }
        if (control.getScene() == null) return; // the listeners register it once it is in one
        if (label.getScene() == control.getScene()) FxTaskRunner.later(() -> repoint(label));
    }

    private static void repoint(Label label) {
        Node target = label.getLabelFor();
        if (target == null || target.getScene() == null || target.getScene() != label.getScene()) return;
        label.setLabelFor(null);
        label.setLabelFor(target);
    }

    /** FXML: {@code Keyboard.labelledBy="$label"} on an input; see {@link #label(Label, Node)}. */
    public static void setLabelledBy(Node control, Label label) {
        label(label, control);
    }

    /** The label naming the control (set through {@link #label(Label, Node)}), or null. */
    public static Label getLabelledBy(Node control) {
        return (Label) control.getProperties().get(LABELLED_BY);
    }

    /** Lets a text field's action run only for Enter typed in it, not for a mnemonic that focused it. */
    private static void actOnEnterOnly(TextField field) {
        if (field.getProperties().putIfAbsent(ENTER_ONLY, Boolean.TRUE) != null) return;
        boolean[] enter = {false};
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> enter[0] = e.getCode() == KeyCode.ENTER);
        field.addEventFilter(ActionEvent.ACTION, e -> {
            if (!enter[0]) e.consume();
            enter[0] = false;
        });
    }

    /**
     * After a dialog closes, gives the focus back to the control that opened it, so keyboard users go on from
     * where they were; when that control cannot take it any more (the dialog's action disabled or removed it),
     * to {@code fallback} (the list the action was about), when given.
     */
    public static void returnFocus(Node opener, Node fallback) {
        for (Node n : new Node[] {opener, fallback}) {
            if (n != null && n.getScene() != null && !n.isDisabled() && shown(n)) {
                n.requestFocus();
                return;
            }
        }
    }

    /** The focus owner of the window the node is in (the control about to open a dialog), or null. */
    public static Node focusOwner(Node anyNodeOfTheWindow) {
        return anyNodeOfTheWindow == null || anyNodeOfTheWindow.getScene() == null ? null
                : anyNodeOfTheWindow.getScene().getFocusOwner();
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    /**
     * In every window, now and to come (once per application): Tab leaves text areas, the control that gets the
     * focus scrolls into view, and mnemonics keep working as screens come and go.
     */
    public static void install() {
        if (installed) return;
        installed = true;
        Window.getWindows().forEach(Keyboard::install);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) c.getAddedSubList().forEach(Keyboard::install);
        });
    }

    private static final EventHandler<KeyEvent> TAB_LEAVES_TEXT_AREAS = e -> {
        if (e.getCode() != KeyCode.TAB || e.isShiftDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
        if (e.getTarget() instanceof TextArea area) {
            // a text area moves the focus on Ctrl+Tab (and Shift+Tab); plain Tab would insert a tab character
            e.consume();
            area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, true, false, false));
        }
    };

    private static void install(Window w) {
        w.removeEventFilter(KeyEvent.KEY_PRESSED, TAB_LEAVES_TEXT_AREAS);
        w.addEventFilter(KeyEvent.KEY_PRESSED, TAB_LEAVES_TEXT_AREAS);
        watch(w.getScene());
        w.sceneProperty().addListener((obs, old, now) -> watch(now));
    }

    private static void watch(Scene scene) {
        if (scene == null || scene.getProperties().putIfAbsent(WATCHED, Boolean.TRUE) != null) return;
        pruneMnemonics(scene);
        scene.focusOwnerProperty().addListener((obs, old, now) -> {
            if (now != null) reveal(now);
        });
    }

    /** Scrolls every scroll pane around the node so that the node shows (with a little room around it). */
    private static void reveal(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (!(p instanceof ScrollPane pane) || pane.getContent() == null) continue;
            Node content = pane.getContent();
            Bounds target = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            Bounds viewport = pane.getViewportBounds();
            Bounds all = content.getLayoutBounds();
            if (target == null) continue;
            pane.setVvalue(scrolled(pane.getVvalue(), pane.getVmin(), pane.getVmax(), target.getMinY(), target.getMaxY(),
                    viewport.getHeight(), all.getHeight()));
            pane.setHvalue(scrolled(pane.getHvalue(), pane.getHmin(), pane.getHmax(), target.getMinX(), target.getMaxX(),
                    viewport.getWidth(), all.getWidth()));
        }
    }

    /** The scroll value that shows [from, to] of content {@code size} in a {@code view}-long viewport. */
    private static double scrolled(double value, double min, double max, double from, double to, double view, double size) {
        double range = size - view;
        if (range <= 0 || max <= min) return value;
        double room = 12;
        double offset = (value - min) / (max - min) * range;
        if (from - room < offset) offset = from - room;
        else if (to + room > offset + view) offset = Math.min(from - room, to + room - view);
        offset = Math.max(0, Math.min(range, offset));
        return min + offset / range * (max - min);
    }

    /**
     * Drops the key of a mnemonic whose last label has left the scene. JavaFX keeps the emptied entry, and an
     * entry for a lower-case letter (from "S_tate" on one screen) also matches Alt+T, so it would swallow the
     * Alt+T of "_Term" on the next screen: the first matching entry wins, empty or not.
     */
    private static void pruneMnemonics(Scene scene) {
        ObservableMap<KeyCombination, ObservableList<Mnemonic>> mnemonics = scene.getMnemonics();
        boolean[] pending = {false};
        ListChangeListener<Mnemonic> prune = c -> {
            if (!c.getList().isEmpty() || pending[0]) return;
            pending[0] = true;
            // later: JavaFX may be going through the entries right now (a screen leaving the scene)
            FxTaskRunner.later(() -> {
                pending[0] = false;
                mnemonics.values().removeIf(List::isEmpty);
            });
        };
        mnemonics.values().forEach(l -> l.addListener(prune));
        // an entry is added empty and filled right after: watch it, prune only once a label leaves it
        mnemonics.addListener((MapChangeListener<KeyCombination, ObservableList<Mnemonic>>) c -> {
            if (c.wasAdded()) c.getValueAdded().addListener(prune);
        });
    }
}
