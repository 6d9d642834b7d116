package io.byline.validation;

import java.util.Arrays;

/**
 * A compact Aho-Corasick automaton over {@code char} keys. Nodes are numbered in breadth-first order and the
 * children of a node are consecutive ids with sorted labels, so the goto function is a short search in one array
 * slice (compressed sparse rows): about 18 bytes per trie node and no per-node objects. Root transitions use a
 * direct table. Built from the sorted keys level by level, so construction is O(total key length · log).
 */
final class AhoCorasick {
    /** Receives each occurrence: key index and the lane range [start, end). Return false to stop the scan. */
    interface Sink {
        void hit(int key, int start, int end);
    }

    private final int[] childStart; // node -> first child id; childStart[node + 1] ends the slice
    private final char[] label;     // node -> label of the edge into it
    private final int[] fail;
    private final int[] outHead;    // node -> first key ending exactly here, or -1
    private final int[] outNext;    // key -> next key with the same string, or -1
    private final int[] dict;       // node -> nearest proper suffix node with output, or -1
    private final int[] keyLength;
    private final int[] rootNext;   // char -> child of root, or 0 when none
    private final int[] asciiNext2; // (c0 << 7 | c1) for two ASCII chars -> node at depth 2, or 0 when none
    private final int nodes;

    AhoCorasick(CharSequence[] keys) {
        this(keys, true);
    }

    /**
     * @param failureLinks build the failure and dictionary links needed by {@link #scan}; a trie used only with
     *                     {@link #walk} (matches anchored at known start positions) does without them
     */
    AhoCorasick(CharSequence[] keys, boolean failureLinks) {
        int n = keys.length;
        keyLength = new int[n];
        outNext = new int[n];
        Arrays.fill(outNext, -1);
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
            keyLength[i] = keys[i].length();
        }
        boolean strings = true;
        for (CharSequence k : keys) strings &= k instanceof String;
        if (strings) {
            // String.compareTo orders exactly like compare() (char values, then length) and is intrinsified
            String[] sk = new String[n];
            for (int i = 0; i < n; i++) sk[i] = (String) keys[i];
            Arrays.sort(boxed, (a, b) -> sk[a].compareTo(sk[b]));
        } else {
            Arrays.sort(boxed, (a, b) -> compare(keys[a], keys[b]));
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = boxed[i];
        boxed = null;

        // breadth-first construction: node i covers order[lo[i], hi[i]) at depth dep[i]
        int cap = 1024;
        int[] lo = new int[cap], hi = new int[cap], dep = new int[cap];
        int[] cs = new int[cap + 1];
        char[] lab = new char[cap];
        int[] oh = new int[cap];
        lo[0] = 0; hi[0] = n; dep[0] = 0;
        int count = 1;
        for (int node = 0; node < count; node++) {
            int l = lo[node], h = hi[node], d = dep[node];
            oh[node] = -1;
            int prevKey = -1;
            // keys ending here come first in sorted order
            while (l < h && keyLength[order[l]] == d) {
                int k = order[l];
                if (prevKey < 0) oh[node] = k; else outNext[prevKey] = k;
                prevKey = k;
                l++;
            }
            cs[node] = count;
            while (l < h) {
                char c = keys[order[l]].charAt(d);
                int e = l + 1;
                while (e < h && keys[order[e]].charAt(d) == c) e++;
                if (count == lo.length) {
                    int c2 = lo.length * 2;
                    lo = Arrays.copyOf(lo, c2); hi = Arrays.copyOf(hi, c2); dep = Arrays.copyOf(dep, c2);
                    cs = Arrays.copyOf(cs, c2 + 1); lab = Arrays.copyOf(lab, c2); oh = Arrays.copyOf(oh, c2);
                }
                lo[count] = l; hi[count] = e; dep[count] = d + 1; lab[count] = c;
                count++;
                l = e;
            }
        }
        lo = null; hi = null; dep = null;
        nodes = count;
        cs[count] = count;
        childStart = Arrays.copyOf(cs, count + 1);
        label = Arrays.copyOf(lab, count);
        outHead = Arrays.copyOf(oh, count);
        cs = null; lab = null; oh = null;

        rootNext = new int[0x10000];
        for (int c = childStart[0]; c < childStart[1]; c++) rootNext[label[c]] = c;
        asciiNext2 = new int[0x80 * 0x80];
        for (int c = childStart[0]; c < childStart[1] && label[c] < 0x80; c++) {
            for (int g = childStart[c]; g < childStart[c + 1] && label[g] < 0x80; g++) {
                asciiNext2[label[c] << 7 | label[g]] = g;
            }
        }

        if (!failureLinks) {
            fail = null;
            dict = null;
            return;
        }
        fail = new int[count];
        dict = new int[count];
        dict[0] = -1;
        for (int node = 0; node < count; node++) {
            for (int c = childStart[node]; c < childStart[node + 1]; c++) {
                int f;
                if (node == 0) {
                    f = 0;
                } else {
                    int s = fail[node];
                    char ch = label[c];
                    while (true) {
                        int g = step(s, ch);
                        if (g > 0) { f = g; break; }
                        if (s == 0) { f = 0; break; }
                        s = fail[s];
                    }
                }
                fail[c] = f;
                dict[c] = outHead[f] >= 0 ? f : dict[f];
            }
        }
    }

    private static int compare(CharSequence a, CharSequence b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int d = a.charAt(i) - b.charAt(i);
            if (d != 0) return d;
        }
        return a.length() - b.length();
    }

    int nodeCount() { return nodes; }

    /** Child of {@code node} by {@code c}, or 0 when there is none (the root is never a child). */
    private int step(int node, char c) {
        if (node == 0) return rootNext[c];
        int from = childStart[node], to = childStart[node + 1];
        if (to - from <= 8) {
            for (int i = from; i < to; i++) {
                char l = label[i];
                if (l == c) return i;
                if (l > c) return 0;
            }
            return 0;
        }
        int a = from, b = to - 1;
        while (a <= b) {
            int m = (a + b) >>> 1;
            char l = label[m];
            if (l < c) a = m + 1;
            else if (l > c) b = m - 1;
            else return m;
        }
        return 0;
    }

    /**
     * Reports every key that starts exactly at {@code from}: a plain trie walk, no failure links. This is what the
     * term matcher uses, because a term may only start on a word boundary: walking from each boundary visits
     * about (words × a few nodes) instead of every character with failure transitions, and stays in the hot top
     * of the trie.
     */
    void walk(char[] text, int from, int length, Sink sink) {
        if (from >= length) return;
        char c0 = text[from];
        int s = rootNext[c0];
        if (s == 0) return;
        for (int k = outHead[s]; k >= 0; k = outNext[k]) sink.hit(k, from, from + 1);
        int i = from + 1;
        if (i >= length) return;
        char c1 = text[i];
        // the first two levels by one table lookup when both characters are ASCII
        s = (c0 | c1) < 0x80 ? asciiNext2[c0 << 7 | c1] : step(s, c1);
        while (s != 0) {
            for (int k = outHead[s]; k >= 0; k = outNext[k]) sink.hit(k, from, i + 1);
            if (++i >= length) return;
            s = step(s, text[i]);
        }
    }

    /** The move from {@code node} on {@code c}, following failure links (needs them): the automaton as a DFA. */
    int next(int node, char c) {
        while (true) {
            int g = step(node, c);
            if (g > 0 || node == 0) return g;
            node = fail[node];
        }
    }

    /** True when a key ends at {@code node} (the node's own string or one of its suffixes; needs failure links). */
    boolean hasOutput(int node) {
        return outHead[node] >= 0 || dict[node] >= 0;
    }

    /** Gives every key ending at {@code node} (needs failure links). */
    void outputs(int node, java.util.function.IntConsumer key) {
        for (int t = outHead[node] >= 0 ? node : dict[node]; t > 0; t = dict[t]) {
            for (int k = outHead[t]; k >= 0; k = outNext[k]) key.accept(k);
        }
    }

    int keyLength(int key) { return keyLength[key]; }

    /** The label of the edge into {@code node} (node > 0). */
    char label(int node) { return label[node]; }

    /** Reports every occurrence of every key in {@code text[0, length)} (needs failure links). */
    void scan(char[] text, int length, Sink sink) {
        int s = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            while (true) {
                int g = step(s, c);
                if (g > 0) { s = g; break; }
                if (s == 0) break;
                s = fail[s];
            }
            if (s == 0) continue;
            int t = outHead[s] >= 0 ? s : dict[s];
            while (t > 0) {
                for (int k = outHead[t]; k >= 0; k = outNext[k]) {
                    sink.hit(k, i + 1 - keyLength[k], i + 1);
                }
                t = dict[t];
            }
        }
    }
}
