package io.byline.ui.compose;

import io.byline.domain.PostMedia;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** An attached image: its name, its alt text as being edited, and its bytes once loaded (for the thumbnail). */
public final class MediaViewModel {
    private final PostMedia media;
    private final StringProperty altText;
    private final ObjectProperty<byte[]> bytes = new SimpleObjectProperty<>();
    private String savedAltText;

    public MediaViewModel(PostMedia media) {
        this.media = media;
        this.savedAltText = media.altText();
        this.altText = new SimpleStringProperty(media.altText());
    }

    public long id() { return media.id(); }
    public String fileName() { return media.fileName(); }
    public PostMedia media() { return media; }
    public StringProperty altTextProperty() { return altText; }
    public ObjectProperty<byte[]> bytesProperty() { return bytes; }

    public boolean altTextChanged() {
        return !savedAltText.equals(altText.get() == null ? "" : altText.get().strip());
    }

    void altTextSaved(String alt) {
        savedAltText = alt;
    }

    public boolean hasAltText() {
        return altText.get() != null && !altText.get().isBlank();
    }
}
