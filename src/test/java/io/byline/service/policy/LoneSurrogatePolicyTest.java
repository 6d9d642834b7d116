package io.byline.service.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.service.PolicyService;
import io.byline.service.PolicyService.EntryDraft;
import io.byline.testing.PostFixture;
import io.byline.ui.common.I18n;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Half a character cannot be saved: the entry editor refuses it and says where, like an import does. */
class LoneSurrogatePolicyTest {
    @TempDir
    Path dir;

    @Test
    void theEntryEditorRefusesALoneSurrogateInATermPatternNoteOrAllowedPhrase() {
        try (PostFixture f = new PostFixture(dir)) {
            PolicyService p = f.ctx.policyService();
            f.as("maya");
            int before = p.entries(true).size();
            ValidationException term = assertThrows(ValidationException.class,
                    () -> p.add(new EntryDraft(false, "Pro\uD800ject", "codename", Severity.BLOCK, null, "")));
            assertEquals("policy.error.loneSurrogate", term.fieldErrors().get("text"));
            assertEquals(List.of("term", "U+D800", 4), term.args("text"));
            assertEquals("\"term\" holds a lone surrogate (U+D800) at character 4: half of a character, which cannot be saved",
                    I18n.of(Locale.ENGLISH).text("policy.error.loneSurrogate", term.args("text").toArray()));
            assertEquals("\"term\" berisi surrogate tunggal (U+D800) pada karakter ke-4: separuh karakter, yang tidak bisa disimpan",
                    I18n.of(Locale.forLanguageTag("id")).text("policy.error.loneSurrogate", term.args("text").toArray()));

            ValidationException pattern = assertThrows(ValidationException.class,
                    () -> p.candidate(null, new EntryDraft(true, "\\bX\uDC00\\b", "part", Severity.WARN, null, "")));
            assertEquals(List.of("pattern", "U+DC00", 4), pattern.args("text"));
            ValidationException note = assertThrows(ValidationException.class,
                    () -> p.add(new EntryDraft(false, "Fine term", "codename", Severity.BLOCK, null, "see \uD83D")));
            assertEquals("policy.error.loneSurrogate", note.fieldErrors().get("note"));
            ValidationException allow = assertThrows(ValidationException.class,
                    () -> p.saveLists(List.of("Komodo \uDE00dragon"), List.of()));
            assertEquals(List.of("allow", "U+DE00", 8), allow.args("allow"));
            assertEquals(before, p.entries(true).size(), "nothing saved");

            p.add(new EntryDraft(false, "Proyek \uD83D\uDE00", "codename", Severity.BLOCK, null, "")); // a whole pair is fine
        }
    }
}
