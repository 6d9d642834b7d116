package io.byline.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.WordDiff.Op;
import io.byline.domain.WordDiff.Segment;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WordDiffTest {
    private static Segment eq(String t) {
        return new Segment(Op.EQUAL, t);
    }

    private static Segment del(String t) {
        return new Segment(Op.DELETE, t);
    }

    private static Segment ins(String t) {
        return new Segment(Op.INSERT, t);
    }

    @Test
    void identicalTextsAreOneEqualSegment() {
        assertEquals(List.of(eq("Hello, world.")), WordDiff.diff("Hello, world.", "Hello, world."));
        assertEquals(List.of(), WordDiff.diff("", ""));
    }

    @Test
    void anInsertedWordIsOneInsertion() {
        assertEquals(List.of(eq("Our "), ins("new "), eq("plant opens today")),
                WordDiff.diff("Our plant opens today", "Our new plant opens today"));
    }

    @Test
    void aDeletedWordIsOneDeletion() {
        assertEquals(List.of(eq("Our "), del("new "), eq("plant opens today")),
                WordDiff.diff("Our new plant opens today", "Our plant opens today"));
    }

    @Test
    void aReplacedWordReadsOldThenNew() {
        assertEquals(List.of(eq("We open on "), del("Monday"), ins("Tuesday"), eq(" in Surabaya.")),
                WordDiff.diff("We open on Monday in Surabaya.", "We open on Tuesday in Surabaya."));
    }

    @Test
    void aReplacedPhraseIsOneRunNotInterleavedWords() {
        List<Segment> d = WordDiff.diff("The results were good overall", "The results were truly excellent overall");
        assertEquals(List.of(eq("The results were "), del("good"), ins("truly excellent"), eq(" overall")), d);
    }

    @Test
    void wordsAreWholeNotCharacters() {
        // "Titan" vs "Titanic": a word changed, not three letters inserted
        assertEquals(List.of(eq("Project "), del("Titan"), ins("Titanic"), eq(" sails")),
                WordDiff.diff("Project Titan sails", "Project Titanic sails"));
    }

    @Test
    void punctuationEmojiAndAccentsAreTheirOwnTokens() {
        List<Segment> d = WordDiff.diff("Selamat pagi, Surabaya! \uD83D\uDE80", "Selamat pagi, Makassar! \uD83D\uDE80\uD83C\uDF89");
        assertEquals(List.of(eq("Selamat pagi, "), del("Surabaya"), ins("Makassar"), eq("! \uD83D\uDE80"), ins("\uD83C\uDF89")), d);
        assertEquals(List.of("caf\u00e9", " ", "don't"), WordDiff.tokens("caf\u00e9 don't"));
        // a ZWJ family emoji stays one token
        assertEquals(1, WordDiff.tokens("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67").size());
    }

    @Test
    void segmentsAlwaysReassembleBothTexts() {
        Random r = new Random(20260601);
        String[] words = {"the", "plant", "opens", "Monday", ",", ".", " ", "  ", "\n", "Nusa", "Pay", "\uD83D\uDE80", "é", "x"};
        for (int round = 0; round < 500; round++) {
            String a = random(r, words);
            String b = r.nextBoolean() ? mutate(r, a, words) : random(r, words);
            List<Segment> d = WordDiff.diff(a, b);
            assertEquals(a, WordDiff.oldText(d), "old text of round " + round);
            assertEquals(b, WordDiff.newText(d), "new text of round " + round);
            for (int i = 1; i < d.size(); i++) {
                assertTrue(d.get(i).op() != d.get(i - 1).op(), "adjacent segments of one kind are merged");
                assertTrue(!(d.get(i - 1).op() == Op.INSERT && d.get(i).op() == Op.DELETE), "deletions come first");
            }
        }
    }

    @Test
    void minimalForSimpleEdits() {
        // one token changed in a long text: exactly one delete and one insert
        String a = "a b c d e f g h i j k l m n o p";
        String b = "a b c d e f g X i j k l m n o p";
        assertEquals(List.of(eq("a b c d e f g "), del("h"), ins("X"), eq(" i j k l m n o p")), WordDiff.diff(a, b));
    }

    @Test
    void hugeUnrelatedTextsFallBackToAWholesaleReplacement() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            a.append("a").append(i).append(' ');
            b.append("b").append(i).append(' ');
        }
        List<Segment> d = WordDiff.diff(a.toString(), b.toString());
        assertEquals(a.toString(), WordDiff.oldText(d));
        assertEquals(b.toString(), WordDiff.newText(d));
    }

    private static String random(Random r, String[] words) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) sb.append(words[r.nextInt(words.length)]);
        return sb.toString();
    }

    private static String mutate(Random r, String a, String[] words) {
        List<String> t = new java.util.ArrayList<>(WordDiff.tokens(a));
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int op = r.nextInt(3);
            if (op == 0 || t.isEmpty()) t.add(t.isEmpty() ? 0 : r.nextInt(t.size() + 1), words[r.nextInt(words.length)]);
            else if (op == 1) t.remove(r.nextInt(t.size()));
            else t.set(r.nextInt(t.size()), words[r.nextInt(words.length)]);
        }
        return String.join("", t);
    }
}
