package io.byline.validation;

import java.util.List;

/**
 * A policy that cannot be used: malformed JSON, a bad entry, a catastrophic regex. The message names the entry
 * (index, term or pattern) and, when known, the line and column of the policy file, in English (the command line
 * prints it as it is); the reason also carries a bundle key and arguments ({@link #why()}) so that a screen can put
 * the same parts together in the user's language.
 */
public class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int entryIndex;
    private final int line;
    private final int column;
    private final PolicyReason reason;
    private final String entryLabel;

    /**
     * @param reason     what is wrong, e.g. "duplicate term", with its bundle key
     * @param entryIndex index of the entry in {@code terms} (0-based), or -1 when not about one entry
     * @param entryLabel the entry's term or pattern (quoted in the message), or null
     * @param line       1-based line in the source file, or -1
     * @param column     1-based column in the source file, or -1
     */
    public PolicyException(PolicyReason reason, int entryIndex, String entryLabel, int line, int column) {
        super(format(reason.english(), entryIndex, entryLabel, line, column));
        this.reason = reason;
        this.entryLabel = entryLabel;
        this.entryIndex = entryIndex;
        this.line = line;
        this.column = column;
    }

    public PolicyException(PolicyReason reason, int entryIndex, String entryLabel) {
        this(reason, entryIndex, entryLabel, -1, -1);
    }

    public PolicyException(PolicyReason reason) {
        this(reason, -1, null, -1, -1);
    }

    /** A problem known only in English (prefer a {@link PolicyReason} with a key, so screens can translate it). */
    public PolicyException(String reason, int entryIndex, String entryLabel, int line, int column) {
        this(PolicyReason.plain(reason), entryIndex, entryLabel, line, column);
    }

    public PolicyException(String reason, int entryIndex, String entryLabel) {
        this(reason, entryIndex, entryLabel, -1, -1);
    }

    public PolicyException(String reason) {
        this(reason, -1, null, -1, -1);
    }

    private static String format(String reason, int index, String label, int line, int column) {
        StringBuilder sb = new StringBuilder();
        if (index >= 0) {
            sb.append("terms[").append(index).append(']');
            if (label != null) sb.append(" \"").append(shorten(label)).append('"');
            sb.append(": ");
        }
        sb.append(reason);
        if (line > 0) {
            sb.append(" (line ").append(line);
            if (column > 0) sb.append(", column ").append(column);
            sb.append(')');
        }
        return sb.toString();
    }

    private static String shorten(String s) {
        String t = s.length() > 80 ? s.substring(0, 77) + "..." : s;
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            b.append(c < 0x20 ? ' ' : c);
        }
        return b.toString();
    }

    /** The same problem, located at a line and column of the source file. */
    public PolicyException at(int line, int column) {
        return new PolicyException(reason, entryIndex, entryLabel, line, column);
    }

    /** What is wrong, in English, without the entry and the location (e.g. "empty term"). */
    public String reason() { return reason.english(); }

    /** What is wrong, with its bundle key and arguments. */
    public PolicyReason why() { return reason; }

    /** Bundle key of the reason ({@code policy.error.*}), or null when it is known only in English. */
    public String key() { return reason.key(); }

    /** Arguments of {@link #key()}. */
    public List<Object> args() { return reason.args(); }

    public int entryIndex() { return entryIndex; }
    public String entryLabel() { return entryLabel; }

    /** The entry's label as the message quotes it (at most 80 characters, control characters as spaces), or null. */
    public String shownLabel() { return entryLabel == null ? null : shorten(entryLabel); }

    public int line() { return line; }
    public int column() { return column; }
}
