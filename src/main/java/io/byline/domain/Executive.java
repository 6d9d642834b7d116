package io.byline.domain;

import java.util.Objects;

/**
 * An executive whose accounts Byline runs.
 *
 * @param id         0 for one not yet saved
 * @param voiceNotes guidance for ghostwriters: tone, topics to favour and avoid
 * @param photo      PNG or JPEG bytes, or null
 * @param timeZone   IANA zone id the executive lives in, for publish times (e.g. {@code Asia/Jakarta})
 */
public record Executive(long id, String name, String title, String organisation, String voiceNotes,
                        byte[] photo, String timeZone, boolean retired) {
    public Executive {
        Objects.requireNonNull(name, "name");
        title = title == null ? "" : title;
        organisation = organisation == null ? "" : organisation;
        voiceNotes = voiceNotes == null ? "" : voiceNotes;
        timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
    }

    public Executive withId(long newId) {
        return new Executive(newId, name, title, organisation, voiceNotes, photo, timeZone, retired);
    }

    public Executive withRetired(boolean r) {
        return new Executive(id, name, title, organisation, voiceNotes, photo, timeZone, r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Executive e && e.id == id && e.retired == retired && e.name.equals(name)
                && e.title.equals(title) && e.organisation.equals(organisation) && e.voiceNotes.equals(voiceNotes)
                && java.util.Arrays.equals(e.photo, photo) && e.timeZone.equals(timeZone);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return "Executive[" + id + ", " + name + "]";
    }
}
