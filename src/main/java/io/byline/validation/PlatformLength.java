package io.byline.validation;

import com.ibm.icu.text.BreakIterator;
import io.byline.domain.Platform;

import java.util.List;

/**
 * A post's length on a platform, counted the platform's way: X weighted ({@link XWeightedCounter}); Bluesky in
 * grapheme clusters and at most 3000 UTF-8 bytes; Mastodon in characters with every URL 23; the others in
 * characters (Unicode code points). Usable on its own, e.g. for the drafting screen's counter.
 */
public final class PlatformLength {
    public static final int BLUESKY_MAX_BYTES = 3000;

    private PlatformLength() {}

    public static LengthInfo measure(String text, Platform platform) {
        int limit = platform.limit();
        switch (platform) {
            case X: {
                int[] r = XWeightedCounter.measure(text, limit);
                return new LengthInfo(platform, r[0], limit, r[1]);
            }
            case BLUESKY:
                return bluesky(text, limit);
            case MASTODON:
                return withUrls(text, platform, limit);
            default:
                return codePoints(text, platform, limit);
        }
    }

    /** The count alone. */
    public static int count(String text, Platform platform) {
        return measure(text, platform).count();
    }

    /** Lengths on every platform, in {@link Platform} order. */
    public static List<LengthInfo> measureAll(String text) {
        Platform[] ps = Platform.values();
        LengthInfo[] out = new LengthInfo[ps.length];
        for (int i = 0; i < ps.length; i++) out[i] = measure(text, ps[i]);
        return List.of(out);
    }

    private static LengthInfo codePoints(String text, Platform p, int limit) {
        int n = text.length();
        int count = 0, overflow = -1;
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            count++;
            if (overflow < 0 && count > limit) overflow = i;
            i += Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
        }
        return new LengthInfo(p, count, limit, overflow);
    }

    private static LengthInfo withUrls(String text, Platform p, int limit) {
        List<Entities.Entity> urls = text.indexOf("://") >= 0 ? Entities.urls(text, true) : List.of();
        int n = text.length();
        int count = 0, overflow = -1, u = 0;
        for (int i = 0; i < n; ) {
            int next;
            if (u < urls.size() && urls.get(u).start() == i && urls.get(u).scheme()) {
                count += XWeightedCounter.URL_WEIGHT;
                next = urls.get(u).end();
                u++;
            } else {
                if (u < urls.size() && urls.get(u).start() < i) u++;
                count++;
                next = i + Character.charCount(text.codePointAt(i));
            }
            if (overflow < 0 && count > limit) overflow = i;
            i = next;
        }
        return new LengthInfo(p, count, limit, overflow);
    }

    private static LengthInfo bluesky(String text, int limit) {
        int n = text.length();
        int count = 0, bytes = 0, overflow = -1;
        boolean simple = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x300 || c == '\r') { simple = false; break; }
        }
        if (simple) {
            for (int i = 0; i < n; i++) {
                count++;
                bytes += text.charAt(i) < 0x80 ? 1 : 2;
                if (overflow < 0 && (count > limit || bytes > BLUESKY_MAX_BYTES)) overflow = i;
            }
            return new LengthInfo(Platform.BLUESKY, count, limit, overflow);
        }
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            count++;
            for (int i = start; i < end; ) {
                int cp = text.codePointAt(i);
                bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                i += Character.charCount(cp);
            }
            if (overflow < 0 && (count > limit || bytes > BLUESKY_MAX_BYTES)) overflow = start;
        }
        return new LengthInfo(Platform.BLUESKY, count, limit, overflow);
    }
}
