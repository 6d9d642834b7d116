package io.byline.ui;

import io.byline.service.PreferencesService.Theme;
import io.byline.testing.Screenshots;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The focus ring of every kind of control, in the light and the dark theme: each control is focused the way the
 * keyboard reaches it, and its surroundings go into one contact sheet per theme
 * ({@code target/screenshots/focus-light.png}, {@code focus-dark.png}) to look at side by side. A ring must differ
 * from the control's unfocused look: the test compares the pixels around the control with and without the focus.
 */
class FocusRingTest extends KeyboardTestBase {
    private record Tile(String caption, BufferedImage image) {}

    @Test
    void lightTheme() {
        sheet(Theme.LIGHT, Locale.ENGLISH, "focus-light");
    }

    @Test
    void darkThemeInIndonesian() {
        sheet(Theme.DARK, INDONESIAN, "focus-dark_id");
    }

    private void sheet(Theme theme, Locale language, String name) {
        seed(language);
        onFx(() -> window.applyTheme(theme));
        signIn("andi");
        List<Tile> tiles = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        show("queue");
        row("#queueTable", r -> true);
        ring(tiles, unchanged, "header: user menu", "#userMenu");
        ring(tiles, unchanged, "navigation entry", "#nav-queue");
        ring(tiles, unchanged, "text field", "#searchField");
        ring(tiles, unchanged, "icon button", "#bellButton");
        ring(tiles, unchanged, "tab pane", "#tabs");
        ring(tiles, unchanged, "combo box", "#viewBox");
        ring(tiles, unchanged, "ghost button", "#clearFiltersButton");
        ring(tiles, unchanged, "table and its row", "#queueTable");
        ring(tiles, unchanged, "danger ghost button", "#rejectButton");
        ring(tiles, unchanged, "button", "#requestChangesButton");
        ring(tiles, unchanged, "small button in the detail", ".detail-box .button");
        ring(tiles, unchanged, "text area", "#commentArea");
        tab("calendarTab");
        ring(tiles, unchanged, "calendar post", ".calendar-post");
        show("compose");
        ring(tiles, unchanged, "selected toggle", "#platform-x");
        ring(tiles, unchanged, "toggle", "#threadToggle");
        ring(tiles, unchanged, "check box", "#variantBox");
        ring(tiles, unchanged, "date picker", "#publishDatePicker");
        ring(tiles, unchanged, "editor", "#editor");
        ring(tiles, unchanged, "primary button", "#submitButton");
        show("executives");
        ring(tiles, unchanged, "list", "#executivesList");
        ring(tiles, unchanged, "primary button (header)", "#newExecutiveButton");
        show("dashboard");
        ring(tiles, unchanged, "chart (chosen bar outlined)", "#postsChart");
        onFx(() -> key(KeyCode.RIGHT, false, false));
        ring(tiles, unchanged, "chart, next bar", "#postsChart");
        write(tiles, name);
        Screenshots.write(stage.getScene(), "keyboard-dashboard-chart" + name.substring("focus".length()));
        assertTrue(unchanged.isEmpty(), "focus changes nothing visible on " + unchanged);
    }

    /** Focuses the node as the keyboard would and keeps its surroundings; notes it when nothing shows the focus. */
    private void ring(List<Tile> tiles, List<String> unchanged, String caption, String query) {
        Node n = node(query);
        Scene scene = stage.getScene();
        onFx(() -> n.requestFocus()); // scrolls it into view
        settle();
        BufferedImage after = crop(scene, n);
        onFx(() -> scene.getRoot().requestFocus());
        settle();
        BufferedImage before = crop(scene, n);
        onFx(() -> n.requestFocus());
        settle();
        if (same(before, after)) unchanged.add(caption);
        tiles.add(new Tile(caption, after));
    }

    private static BufferedImage crop(Scene scene, Node n) {
        WritableImage image = onFx(() -> scene.snapshot(null));
        Bounds b = onFx(() -> n.localToScene(n.getBoundsInLocal()));
        int pad = 14;
        int x = Math.max(0, (int) b.getMinX() - pad);
        int y = Math.max(0, (int) b.getMinY() - pad);
        int w = Math.min((int) image.getWidth() - x, Math.min(560, (int) b.getWidth() + 2 * pad));
        int h = Math.min((int) image.getHeight() - y, Math.min(200, (int) b.getHeight() + 2 * pad));
        if (w <= 0 || h <= 0) throw new AssertionError("the focused " + A11y.describe(n) + " is outside the window: " + b);
        int[] px = new int[w * h];
        image.getPixelReader().getPixels(x, y, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, px, 0, w);
        return out;
    }

    private static boolean same(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return false;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) return false;
        }
        return true;
    }

    /** The tiles in two columns with their captions, as one PNG. */
    private static void write(List<Tile> tiles, String name) {
        int colW = 580;
        int[] heights = tiles.stream().mapToInt(t -> t.image().getHeight() + 24).toArray();
        int rows = (tiles.size() + 1) / 2;
        int total = 0;
        for (int r = 0; r < rows; r++) {
            total += Math.max(heights[2 * r], 2 * r + 1 < heights.length ? heights[2 * r + 1] : 0);
        }
        BufferedImage sheet = new BufferedImage(2 * colW, total + 8, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        int y = 4;
        for (int r = 0; r < rows; r++) {
            int rowH = 0;
            for (int c = 0; c < 2 && 2 * r + c < tiles.size(); c++) {
                Tile t = tiles.get(2 * r + c);
                g.setColor(Color.WHITE);
                g.drawString(t.caption(), c * colW + 6, y + 16);
                g.drawImage(t.image(), c * colW + 6, y + 22, null);
                rowH = Math.max(rowH, heights[2 * r + c]);
            }
            y += rowH;
        }
        g.dispose();
        Path file = Screenshots.DIR.resolve(name + ".png");
        try {
            Files.createDirectories(Screenshots.DIR);
            ImageIO.write(sheet, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
