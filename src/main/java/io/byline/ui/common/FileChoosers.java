package io.byline.ui.common;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The native file dialogs, behind one seam: screens ask for a file to save or open through this, and screen tests
 * provide a subclass that answers without a dialog ({@code ctx.provide(FileChoosers.class, …)}).
 */
public class FileChoosers {
    /** One choice of file type: its description and patterns ({@code *.csv}). */
    public record Kind(String description, List<String> patterns) {
        public Kind(String description, String... patterns) {
            this(description, List.of(patterns));
        }
    }

    /** Asks where to save; the first kind is preselected. Empty when the user cancelled. */
    public Optional<Path> save(Window owner, String title, Path initialFolder, String initialName, List<Kind> kinds) {
        FileChooser chooser = chooser(title, initialFolder, kinds);
        if (initialName != null) chooser.setInitialFileName(initialName);
        File f = chooser.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** Asks for an existing file. Empty when the user cancelled. */
    public Optional<Path> open(Window owner, String title, Path initialFolder, List<Kind> kinds) {
        File f = chooser(title, initialFolder, kinds).showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static FileChooser chooser(String title, Path initialFolder, List<Kind> kinds) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialFolder != null && initialFolder.toFile().isDirectory()) chooser.setInitialDirectory(initialFolder.toFile());
        for (Kind k : kinds) chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(k.description(), k.patterns()));
        return chooser;
    }
}
