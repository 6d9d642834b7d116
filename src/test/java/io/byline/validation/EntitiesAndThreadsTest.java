package io.byline.validation;

import io.byline.domain.Platform;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntitiesAndThreadsTest {
    @Test
    void extractsUrlsMentionsAndHashtagsWithUtf16Spans() {
        String text = "😀 Hi @jane_doe, see https://example.com/a_(b). #Launch2026 and example.org! mail a@b.com #123";
        List<Entities.Entity> es = Entities.extract(text);
        assertEquals(List.of("@jane_doe", "https://example.com/a_(b)", "#Launch2026", "example.org"),
                es.stream().map(Entities.Entity::text).toList());
        for (Entities.Entity e : es) assertEquals(e.text(), text.substring(e.start(), e.end()));
        assertEquals(Entities.Kind.MENTION, es.get(0).kind());
        assertEquals("example.com", es.get(1).host());
    }

    @Test
    void shortTextIsOnePart() {
        assertEquals(List.of("Hello"), ThreadSplitter.split("  Hello ", Platform.X));
    }

    @Test
    void longTextSplitsIntoNumberedPartsWithinTheLimit() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) b.append("Sentence number ").append(i).append(" talks about the airshow. ");
        b.append("Read more at https://example.com/").append("x".repeat(200)).append(" today. ");
        for (int i = 0; i < 10; i++) b.append("Emoji 👨‍👩‍👧‍👦 family ").append(i).append(". ");
        String text = b.toString();
        for (Platform p : List.of(Platform.X, Platform.BLUESKY, Platform.THREADS)) {
            List<String> parts = ThreadSplitter.split(text, p);
            assertTrue(parts.size() > 1);
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                assertTrue(part.startsWith((i + 1) + "/" + parts.size() + " "), part);
                assertFalse(PlatformLength.measure(part, p).over(), p + " part " + i + ": " + part);
                assertFalse(part.contains("https://example.com/x") && !part.contains("x".repeat(200)), "URL cut");
            }
            String joined = String.join(" ", parts.stream().map(s -> s.substring(s.indexOf(' ') + 1)).toList());
            assertEquals(text.strip().replaceAll("\\s+", " "), joined.replaceAll("\\s+", " "));
            // sentence boundaries preferred: every part but the last ends a sentence
            for (int i = 0; i < parts.size() - 1; i++) {
                String part = parts.get(i);
                assertTrue(part.endsWith(".") || part.endsWith("today.") || !part.contains(". "), part);
            }
        }
    }

    @Test
    void splitNeverCutsAGrapheme() {
        String text = "👨‍👩‍👧‍👦".repeat(400);
        List<String> parts = ThreadSplitter.split(text, Platform.X);
        for (String p : parts) {
            String body = p.substring(p.indexOf(' ') + 1);
            assertEquals(0, body.replace("👨‍👩‍👧‍👦", "").length(), "whole families only");
            assertFalse(PlatformLength.measure(p, Platform.X).over());
        }
    }

    @Test
    void lanesMapBackToTheOriginal() {
        String text = "Ｔｉｔａｎ\u200B's 𝐀ℓpha Prôject";
        for (Normalizer.LaneKind k : Normalizer.LaneKind.values()) {
            Lane lane = Normalizer.lane(text, k);
            for (int i = 0; i < lane.length(); i++) {
                int s = lane.originStart(i), e = lane.originEnd(i);
                assertTrue(s >= 0 && e <= text.length() && s < e, k + " " + i);
                assertFalse(Character.isLowSurrogate(text.charAt(s)), k + " " + i);
            }
        }
        Lane fold = Normalizer.lane(text, Normalizer.LaneKind.FOLD);
        assertEquals("titan s alpha project", fold.toString());
        Lane leet = Normalizer.lane("Pr0ject T1tan", Normalizer.LaneKind.LEET);
        assertEquals("project titan", leet.toString());
        assertEquals("titan", TermMatcher.key("Ｔｉｔａｎ"));
        assertEquals(TermMatcher.key("Titan"), TermMatcher.key("T1T4N"));
        assertEquals("ο".equals("o"), false);
        assertEquals(TermMatcher.key("Aurora"), TermMatcher.key("Аurora"));
    }
}
