package io.byline.validation;

import java.util.Arrays;

/**
 * The matching lane: the LEET image of every word character, separators dropped, plus the word structure of the
 * original text. Each lane character knows its word code point; each word code point knows its UTF-16 span (with
 * trailing combining marks), its flags, the kind of boundary before it (none, soft = case/digit/script change,
 * join = hyphen/dot/underscore…, space = whitespace or other punctuation) and the length of its segment.
 */
public final class WordLane {
    static final byte B_NONE = 0;
    static final byte B_SOFT = 1;
    static final byte B_JOIN = 2;
    static final byte B_SPACE = 3;

    final String original;
    final char[] chars;
    final int length;
    /** lane index → word code point index */
    final int[] laneCp;
    /** word code point index → first lane index */
    final int[] cpLane;
    final int[] cpStart;
    final int[] cpEnd;
    final byte[] boundary;
    final int[] flags;
    final int[] segLen;
    final int words;

    private WordLane(String original, char[] chars, int length, int[] laneCp, int[] cpLane, int[] cpStart, int[] cpEnd,
                     byte[] boundary, int[] flags, int[] segLen, int words) {
        this.original = original;
        this.chars = chars;
        this.length = length;
        this.laneCp = laneCp;
        this.cpLane = cpLane;
        this.cpStart = cpStart;
        this.cpEnd = cpEnd;
        this.boundary = boundary;
        this.flags = flags;
        this.segLen = segLen;
        this.words = words;
    }

    public String original() { return original; }

    public int length() { return length; }

    public char charAt(int i) { return chars[i]; }

    @Override public String toString() { return new String(chars, 0, length); }

    /** Original UTF-16 start of lane character {@code i}. */
    public int originStart(int i) { return cpStart[laneCp[i]]; }

    /** Original UTF-16 end (exclusive) of lane character {@code i}, including combining marks that follow it. */
    public int originEnd(int i) { return cpEnd[laneCp[i]]; }

    /** Boundary kind before word code point w (w == words: the end of the text). */
    byte boundaryBefore(int w) { return w >= words ? B_SPACE : boundary[w]; }

    static WordLane of(String text, boolean term) {
        return build(text, new Scratch(text.length()));
    }

    /**
     * Working arrays for {@link #build}, reused from post to post by one thread ({@link #reusing}): building the
     * lane then allocates nothing, which matters in a batch of many posts.
     */
    static final class Scratch {
        char[] out;
        int[] laneCp;
        int[] cpLane;
        int[] cpStart;
        int[] cpEnd;
        byte[] bnd;
        int[] flg;
        int[] seg;

        Scratch(int n) {
            int cap = Math.max(16, n + 4);
            out = new char[cap];
            laneCp = new int[cap];
            int wcap = Math.max(16, n + 1);
            cpLane = new int[wcap];
            cpStart = new int[wcap];
            cpEnd = new int[wcap];
            bnd = new byte[wcap];
            flg = new int[wcap];
            seg = new int[wcap];
        }
    }

    /** Posts longer than this get fresh arrays, so a thread does not keep a huge scratch alive. */
    private static final int MAX_REUSE = 20_000;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(() -> new Scratch(4096));

    /**
     * The word lane of a text built in this thread's reusable arrays. The result is valid only until the next
     * call of this method on the same thread: use it within one check of one post and do not keep it.
     */
    static WordLane reusing(String text) {
        if (text.length() > MAX_REUSE) return of(text, false);
        Scratch sc = SCRATCH.get();
        if (sc.out.length < text.length() + 4 || sc.cpLane.length < text.length() + 1) {
            sc = new Scratch(Math.max(text.length(), 2 * sc.cpLane.length));
            SCRATCH.set(sc);
        }
        return build(text, sc);
    }

    /** Builds the lane in the scratch arrays (growing them when a text needs more; they are not cleared first). */
    private static WordLane build(String text, Scratch sc) {
        int n = text.length();
        char[] out = sc.out;
        int[] laneCp = sc.laneCp;
        int[] cpLane = sc.cpLane;
        int[] cpStart = sc.cpStart;
        int[] cpEnd = sc.cpEnd;
        byte[] bnd = sc.bnd;
        int[] flg = sc.flg;
        int len = 0;
        int w = 0;
        byte pending = B_SPACE; // separator seen since the last word code point
        final byte[] aKind = CharFold.ASCII_KIND;
        final int[] aFlags = CharFold.ASCII_FLAGS;
        final byte[] aLen = CharFold.ASCII_MATCH_LEN;
        final char[] aM0 = CharFold.ASCII_MATCH0;
        final char[] aM1 = CharFold.ASCII_MATCH1;
        for (int i = 0; i < n; ) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                // ASCII fast path: table lookups, same results as CharFold.info
                byte kind = aKind[ch];
                if (kind == CharFold.WORD) {
                    int ml = aLen[ch];
                    if (len + 2 > out.length) {
                        int c2 = out.length * 2;
                        out = Arrays.copyOf(out, c2);
                        laneCp = Arrays.copyOf(laneCp, c2);
                    }
                    if (w >= cpLane.length) {
                        int c2 = cpLane.length * 2;
                        cpLane = Arrays.copyOf(cpLane, c2); cpStart = Arrays.copyOf(cpStart, c2);
                        cpEnd = Arrays.copyOf(cpEnd, c2); bnd = Arrays.copyOf(bnd, c2); flg = Arrays.copyOf(flg, c2);
                    }
                    cpLane[w] = len;
                    cpStart[w] = i;
                    cpEnd[w] = i + 1;
                    bnd[w] = pending;
                    flg[w] = aFlags[ch];
                    out[len] = aM0[ch];
                    laneCp[len++] = w;
                    if (ml == 2) {
                        out[len] = aM1[ch];
                        laneCp[len++] = w;
                    }
                    w++;
                    pending = B_NONE;
                } else if (kind == CharFold.JOIN) {
                    if (pending < B_JOIN) pending = B_JOIN;
                } else if (kind == CharFold.MARK) {
                    if (pending == B_NONE && w > 0) cpEnd[w - 1] = i + 1;
                } else if (kind != CharFold.IGNORABLE) {
                    pending = B_SPACE;
                }
                i++;
                continue;
            }
            int cp = ch;
            int next = i + 1;
            if (Character.isHighSurrogate(ch) && next < n && Character.isLowSurrogate(text.charAt(next))) {
                cp = Character.toCodePoint(ch, text.charAt(next));
                next++;
            }
            CharFold.Info info = CharFold.info(cp);
            switch (info.kind) {
                case CharFold.WORD: {
                    String m = info.match;
                    if (len + m.length() > out.length) {
                        int c2 = Math.max(out.length * 2, len + m.length());
                        out = Arrays.copyOf(out, c2);
                        laneCp = Arrays.copyOf(laneCp, c2);
                    }
                    if (w >= cpLane.length) {
                        int c2 = cpLane.length * 2;
                        cpLane = Arrays.copyOf(cpLane, c2); cpStart = Arrays.copyOf(cpStart, c2);
                        cpEnd = Arrays.copyOf(cpEnd, c2); bnd = Arrays.copyOf(bnd, c2); flg = Arrays.copyOf(flg, c2);
                    }
                    cpLane[w] = len;
                    cpStart[w] = i;
                    cpEnd[w] = next;
                    bnd[w] = pending;
                    flg[w] = info.flags;
                    for (int k = 0; k < m.length(); k++) {
                        out[len] = m.charAt(k);
                        laneCp[len++] = w;
                    }
                    w++;
                    pending = B_NONE;
                    break;
                }
                case CharFold.MARK:
                    if (pending == B_NONE && w > 0) cpEnd[w - 1] = next;
                    break;
                case CharFold.IGNORABLE:
                    break;
                case CharFold.JOIN:
                    if (pending < B_JOIN) pending = B_JOIN;
                    break;
                default:
                    pending = B_SPACE;
                    break;
            }
            i = next;
        }
        // soft boundaries where nothing separated two word code points
        for (int k = 1; k < w; k++) {
            if (bnd[k] != B_NONE) continue;
            int a = flg[k - 1], b = flg[k];
            boolean soft = ((a | b) & CharFold.F_NOSPACE) != 0
                    || (((a ^ b) & CharFold.F_DIGIT) != 0)
                    || (((a | b) & CharFold.F_LEET) != 0 && ((a ^ b) & CharFold.F_LEET) != 0 && ((a | b) & CharFold.F_DIGIT) == 0)
                    || ((a & CharFold.F_LOWER) != 0 && (b & CharFold.F_UPPER) != 0)
                    || ((a & CharFold.F_UPPER) != 0 && (b & CharFold.F_UPPER) != 0 && k + 1 < w
                        && (flg[k + 1] & CharFold.F_LOWER) != 0 && bnd[k + 1] == B_NONE);
            if (soft) bnd[k] = B_SOFT;
        }
        // segment lengths (in code points) between hard boundaries
        int[] seg = sc.seg.length >= w ? sc.seg : new int[w];
        int s = 0;
        for (int k = 1; k <= w; k++) {
            if (k == w || bnd[k] >= B_JOIN) {
                for (int j = s; j < k; j++) seg[j] = k - s;
                s = k;
            }
        }
        sc.out = out; sc.laneCp = laneCp; sc.cpLane = cpLane; sc.cpStart = cpStart; sc.cpEnd = cpEnd;
        sc.bnd = bnd; sc.flg = flg; sc.seg = seg;
        return new WordLane(text, out, len, laneCp, cpLane, cpStart, cpEnd, bnd, flg, seg, w);
    }
}
