package io.byline.validation;

/**
 * A transformed copy of a text in which every character remembers the UTF-16 span of the original text it came
 * from. Offsets found in a lane are mapped back with {@link #originStart(int)} / {@link #originEnd(int)}; offsets
 * computed on the transformed text are never used as they are.
 */
public final class Lane implements CharSequence {
    private final String original;
    private final char[] chars;
    private final int length;
    private final int[] start;
    private final int[] end;

    Lane(String original, char[] chars, int length, int[] start, int[] end) {
        this.original = original;
        this.chars = chars;
        this.length = length;
        this.start = start;
        this.end = end;
    }

    public String original() { return original; }

    @Override public int length() { return length; }

    @Override public char charAt(int index) {
        if (index < 0 || index >= length) throw new IndexOutOfBoundsException(index);
        return chars == null ? original.charAt(index) : chars[index];
    }

    @Override public CharSequence subSequence(int from, int to) {
        if (from < 0 || to > length || from > to) throw new IndexOutOfBoundsException(from + ".." + to);
        return chars == null ? original.substring(from, to) : new String(chars, from, to - from);
    }

    @Override public String toString() { return chars == null ? original : new String(chars, 0, length); }

    /** A lane identical to its text (plain ASCII without invisible characters): offsets map to themselves. */
    static Lane identity(String text) {
        return new Lane(text, null, text.length(), null, null); // reads the text itself, no copy
    }

    /** UTF-16 offset in the original text where lane character {@code i} starts. */
    public int originStart(int i) { return start == null ? i : start[i]; }

    /** UTF-16 offset in the original text where lane character {@code i} ends (exclusive). */
    public int originEnd(int i) { return end == null ? i + 1 : end[i]; }

    /**
     * The original span {start, end} covered by lane characters {@code [from, to)}; an empty lane range maps to the
     * position it sits at.
     */
    public int[] toOriginal(int from, int to) {
        if (from >= to) {
            int p = from < length ? originStart(from) : original.length();
            return new int[] {p, p};
        }
        return new int[] {originStart(from), originEnd(to - 1)};
    }
}
