package io.byline.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.StorageException;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every kind of storage failure, a refused target and a missing database included, is told in the user's language. */
class StorageProblemTextTest {
    @Test
    void everyStorageFailureHasItsOwnWordsInBothLanguages() {
        for (Locale l : List.of(Locale.ENGLISH, Locale.forLanguageTag("id"))) {
            I18n i18n = I18n.of(l);
            Set<String> titles = new HashSet<>();
            for (StorageException.Kind k : StorageException.Kind.values()) {
                I18n.Problem p = i18n.problem(new StorageException(k, "the store's own words"));
                assertTrue(i18n.has("error.storage." + k.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".title"), l + " " + k);
                assertFalse(p.what().isBlank() || p.action().isBlank(), l + " " + k);
                assertEquals("the store's own words", p.details());
                titles.add(p.what());
            }
            assertEquals(StorageException.Kind.values().length, titles.size(), "each kind has its own title in " + l);
        }
        I18n id = I18n.of(Locale.forLanguageTag("id"));
        assertEquals("Byline tidak akan menimpa berkas ini",
                id.problem(new StorageException(StorageException.Kind.REFUSED, "Refusing to write to /x")).what());
    }
}
