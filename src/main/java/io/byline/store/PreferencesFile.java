package io.byline.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/** This machine's preferences (language, theme, last user), kept in {@code preferences.properties} in the Byline home. */
public final class PreferencesFile {
    private static final Logger LOG = Logger.getLogger(PreferencesFile.class.getName());
    private final Path file;
    private final Properties props = new Properties();

    public PreferencesFile(Path home) {
        this.file = home.resolve("preferences.properties");
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.WARNING, "Ignoring unreadable preferences " + file, e);
            }
        }
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(props.getProperty(key));
    }

    /** Saves at once, through a temporary file moved into place. A failure is logged: preferences are not worth an error dialog. */
    public synchronized void put(String key, String value) {
        props.setProperty(key, value);
        try {
            SafeFiles.writeText(file, w -> {
                props.store(w, "Byline preferences");
                return null;
            });
        } catch (io.byline.domain.StorageException e) {
            LOG.log(Level.WARNING, "Cannot save preferences " + file, e);
        }
    }
}
