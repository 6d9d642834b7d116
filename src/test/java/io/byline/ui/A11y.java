package io.byline.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Accordion;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a keyboard or screen-reader user meets in a scene: the controls that take the focus, the name a screen reader
 * announces for each, and the mnemonics (Alt+letter) that are live. Call from the FX thread.
 */
final class A11y {
    private A11y() {}

    /** Whether the node and all its parents are visible (what a user can see). */
    static boolean treeVisible(Node n) {
        for (; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    /**
     * The control a focused node belongs to: the editor of a combo box, a date picker or a searchable combo box is
     * part of that control; the field that a skin or cell puts inside a control belongs to the control.
     */
    static Node owner(Node focused) {
        Node owner = focused;
        for (Node p = focused.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Control c && !isContainer(c)) owner = p;
        }
        return owner;
    }

    /** Controls that hold other controls as content (their children are the user's controls, not their parts). */
    static boolean isContainer(Node n) {
        return n instanceof ScrollPane || n instanceof SplitPane || n instanceof TabPane || n instanceof TitledPane
                || n instanceof Accordion || n instanceof ToolBar || n instanceof ButtonBar
                || n instanceof org.controlsfx.control.StatusBar || n instanceof javafx.scene.control.DialogPane
                || n.getClass().getName().startsWith("org.controlsfx.control.MasterDetailPane");
    }

    /** The focus stops a user can reach: shown, enabled, focus-traversable nodes, not parts of other controls. */
    static List<Node> stops(Parent root) {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        if (!n.isVisible() || n.isDisabled()) return;
        if (n.isFocusTraversable()) out.add(n);
        if (n instanceof Control && !isContainer(n) && n.isFocusTraversable()) return;
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, out);
    }

    /**
     * The name a screen reader announces: the accessible text, else the text of the label whose {@code labelFor}
     * is this control, else the control's own text (buttons, check boxes, tabs); null when it has none.
     */
    static String name(Node n) {
        if (n.getAccessibleText() != null && !n.getAccessibleText().isBlank()) return n.getAccessibleText();
        Label label = labelFor(n);
        if (label != null && label.getText() != null && !label.getText().isBlank()) return plain(label);
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()
                && l.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY) return plain(l);
        if (n instanceof TabPane t && t.getSelectionModel().getSelectedItem() != null) {
            Tab tab = t.getSelectionModel().getSelectedItem();
            return tab.getText();
        }
        return null;
    }

    /** The label naming this control, or null. */
    static Label labelFor(Node control) {
        Scene scene = control.getScene();
        if (scene == null) return null;
        Label[] found = {null};
        visit(scene.getRoot(), x -> {
            if (found[0] == null && x instanceof Label l && l.getLabelFor() == control) found[0] = l;
        });
        return found[0];
    }

    /** A labeled's text as shown: without its mnemonic marker. */
    static String plain(Labeled l) {
        String t = l.getText();
        return l.isMnemonicParsing() ? stripMnemonic(t) : t;
    }

    static String stripMnemonic(String t) {
        int i = t.indexOf('_');
        return i < 0 || i == t.length() - 1 ? t : t.substring(0, i) + t.substring(i + 1);
    }

    /** Icon-only buttons: no text of their own shown. */
    static boolean iconOnly(Node n) {
        return n instanceof ButtonBase b && (b.getText() == null || b.getText().isBlank()
                || b.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY);
    }

    static boolean hasTooltip(Node n) {
        return n instanceof Control c && c.getTooltip() != null && c.getTooltip().getText() != null
                && !c.getTooltip().getText().isBlank();
    }

    /** Lists and tables need a name of their own: there is no label to read. */
    static boolean isCollection(Node n) {
        return n instanceof ListView || n instanceof TableView || n instanceof TreeView;
    }

    /** The mnemonics a user can use now: on shown, enabled nodes; key combination → the nodes it reaches. */
    static Map<KeyCombination, List<Node>> liveMnemonics(Scene scene) {
        Map<KeyCombination, List<Node>> out = new LinkedHashMap<>();
        for (Map.Entry<KeyCombination, javafx.collections.ObservableList<Mnemonic>> e : scene.getMnemonics().entrySet()) {
            for (Mnemonic m : e.getValue()) {
                Node n = m.getNode();
                if (n != null && n.getScene() == scene && treeVisible(n) && !n.isDisabled()) {
                    out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(n);
                }
            }
        }
        return out;
    }

    /** The labels showing a mnemonic now (shown, enabled, with an underscore and mnemonic parsing). */
    static List<Labeled> mnemonicLabels(Scene scene) {
        List<Labeled> out = new ArrayList<>();
        visit(scene.getRoot(), n -> {
            if (n instanceof Labeled l && l.isMnemonicParsing() && l.getText() != null && mnemonicChar(l.getText()) != 0
                    && treeVisible(l) && !l.isDisabled()) out.add(l);
        });
        return out;
    }

    /** The mnemonic letter of a text ({@code _Name} → N), or 0. */
    static char mnemonicChar(String text) {
        int i = text.indexOf('_');
        while (i >= 0 && i < text.length() - 1) {
            if (text.charAt(i + 1) != '_') return Character.toUpperCase(text.charAt(i + 1));
            i = text.indexOf('_', i + 2);
        }
        return 0;
    }

    /** Every text the user can see or hear on the node, for checks that a marker never shows literally. */
    static List<String> shownTexts(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof Labeled l && !l.isMnemonicParsing() && l.getText() != null) out.add(l.getText());
        if (n.getAccessibleText() != null) out.add(n.getAccessibleText());
        if (n instanceof Control c && c.getTooltip() != null) {
            Tooltip t = c.getTooltip();
            if (t.getText() != null) out.add(t.getText());
        }
        if (n instanceof javafx.scene.control.TextInputControl t && t.getPromptText() != null) out.add(t.getPromptText());
        if (n instanceof ComboBoxBase<?> c && c.getPromptText() != null) out.add(c.getPromptText());
        if (n instanceof TabPane t) t.getTabs().forEach(tab -> {
            if (tab.getText() != null) out.add(tab.getText());
        });
        if (n instanceof TableView<?> t) t.getColumns().forEach(c -> {
            if (c.getText() != null) out.add(c.getText());
        });
        if (n instanceof javafx.scene.text.Text t && t.getText() != null) out.add(t.getText());
        return out;
    }

    static void visit(Node n, Consumer<Node> action) {
        action.accept(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) visit(c, action);
    }

    /** A short description of a node for failure messages. */
    static String describe(Node n) {
        if (n == null) return "nothing";
        String id = n.getId() != null ? "#" + n.getId() : "";
        String text = n instanceof Labeled l && l.getText() != null ? " '" + l.getText() + "'" : "";
        return n.getClass().getSimpleName() + id + text;
    }
}
