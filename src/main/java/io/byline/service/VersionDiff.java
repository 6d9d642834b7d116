package io.byline.service;

import io.byline.domain.Platform;
import io.byline.domain.WordDiff;

import java.util.List;
import java.util.Map;

/**
 * The word-level difference between two versions of a post.
 *
 * @param fromNumber version number diffed from, or 0 for "nothing" (a post never seen before)
 * @param text       the shared text's diff
 * @param variants   for each platform where either version has a variant: the diff of the text as it goes out there
 */
public record VersionDiff(int fromNumber, int toNumber, List<WordDiff.Segment> text,
                          Map<Platform, List<WordDiff.Segment>> variants) {
    public VersionDiff {
        text = List.copyOf(text);
        variants = Map.copyOf(variants);
    }

    /** Whether anything differs at all. */
    public boolean changed() {
        return text.stream().anyMatch(s -> s.op() != WordDiff.Op.EQUAL)
                || variants.values().stream().flatMap(List::stream).anyMatch(s -> s.op() != WordDiff.Op.EQUAL);
    }
}
