package io.byline.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A policy regex that cannot freeze the app: the matcher reads the text through a {@link CharSequence} that counts
 * {@code charAt} calls and throws {@link StepLimitExceeded} past a budget. On import a pattern is also probed with
 * adversarial inputs built from its own literals, and a pattern that blows the budget there (such as
 * {@code (a+)+$}) is rejected as catastrophic.
 */
public final class GuardedRegex {
    /** The step budget ran out: the regex backtracks catastrophically on this input. */
    public static final class StepLimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepLimitExceeded() {
            super("regex step limit exceeded", null, false, false);
        }
    }

    /** A pattern that cannot be used (invalid or catastrophic): the message is the English reason. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final PolicyReason reason;

        Refused(String key, String english, Object... args) {
            super(english);
            this.reason = PolicyReason.of(key, english, args);
        }

        /** Why, with its bundle key and arguments. */
        public PolicyReason reason() { return reason; }
    }

    /** Steps allowed per input character, plus a fixed allowance. */
    static final long STEPS_PER_CHAR = 200;
    static final long BASE_STEPS = 200_000;
    /** Longest pattern accepted, in characters. */
    static final int MAX_LENGTH = 2000;
    private static final long PROBE_STEPS = 2_000_000;

    private final Pattern pattern;
    /** Lower-case ASCII literal that every match starts with (after leading {@code \b}), or null. */
    private final String prefix;

    private GuardedRegex(Pattern pattern, String prefix) {
        this.pattern = pattern;
        this.prefix = prefix;
    }

    public Pattern pattern() { return pattern; }

    /**
     * Compiles and probes a policy pattern (case-insensitive, as policy terms are).
     *
     * @throws Refused with a readable reason when the regex is invalid or catastrophic
     */
    public static GuardedRegex compile(String regex) {
        if (regex == null || regex.isEmpty()) throw new Refused("policy.error.emptyPattern", "empty pattern");
        if (regex.length() > MAX_LENGTH) {
            throw new Refused("policy.error.patternTooLong", "pattern longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        Pattern p;
        String prefix = null;
        try {
            // NFC, like the CLEAN lane the pattern runs on: an accent typed decomposed still matches
            String nfc = java.text.Normalizer.normalize(regex, java.text.Normalizer.Form.NFC);
            boolean ascii = nfc.chars().allMatch(c -> c < 0x80);
            // Unicode case folding only when the pattern has non-ASCII letters (ASCII folding is much faster)
            p = Pattern.compile(nfc, Pattern.CASE_INSENSITIVE | (ascii ? 0 : Pattern.UNICODE_CASE));
            if (ascii) prefix = literalPrefix(nfc);
        } catch (PatternSyntaxException e) {
            String d = e.getDescription(); // the JDK's own words, kept as they are in every language
            if (e.getIndex() >= 0) {
                throw new Refused("policy.error.invalidRegexAt", "invalid regex: " + d + " near index " + e.getIndex(), d, e.getIndex());
            }
            throw new Refused("policy.error.invalidRegex", "invalid regex: " + d, d);
        } catch (StackOverflowError | RuntimeException e) {
            throw new Refused("policy.error.invalidRegexUnknown", "invalid regex");
        }
        GuardedRegex g = new GuardedRegex(p, prefix);
        if (p.matcher("").matches()) {
            throw new Refused("policy.error.patternMatchesEmpty", "pattern matches the empty text");
        }
        GuardedRegex unfiltered = new GuardedRegex(p, null); // probe the regex itself, not the pre-filter
        for (String probe : probes(regex)) {
            try {
                unfiltered.findAll(probe, PROBE_STEPS);
            } catch (StepLimitExceeded e) {
                throw new Refused("policy.error.catastrophicRegex",
                        "catastrophic regex (too much backtracking, e.g. nested repetition like (a+)+)");
            } catch (StackOverflowError e) {
                throw new Refused("policy.error.regexTooDeep", "regex too deeply recursive");
            }
        }
        return g;
    }

    /**
     * The literal every match of an ASCII, case-insensitive pattern starts with: after any leading {@code \b}, the
     * run of letters, digits, {@code -} and {@code _} up to the first other character (minus the last one when a
     * quantifier follows it). Null when there is none of at least 2 characters, or when the pattern has a
     * {@code |} anywhere (an alternative might not start with it).
     */
    static String literalPrefix(String regex) {
        if (regex.indexOf('|') >= 0) return null;
        int i = 0;
        while (regex.startsWith("\\b", i)) i += 2;
        int start = i;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') i++;
            else break;
        }
        int end = i;
        if (i < regex.length() && "?*+{".indexOf(regex.charAt(i)) >= 0) end--;
        if (end - start < 2) return null;
        return regex.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    }

    /** Inputs that make nested or overlapping repetition backtrack: long runs of the pattern's literal characters. */
    private static List<String> probes(String regex) {
        StringBuilder lits = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char n = regex.charAt(++i);
                if (n == 'd') c = '7';
                else if (n == 'w') c = 'w';
                else if (n == 's') c = ' ';
                else if (Character.isLetterOrDigit(n)) continue;
                else c = n;
            }
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '.' || c == '_' || c == '@') {
                if (lits.indexOf(String.valueOf(c)) < 0) lits.append(c);
            }
        }
        if (lits.length() == 0) lits.append('a');
        if (lits.indexOf("a") < 0) lits.append('a');
        if (lits.indexOf("0") < 0) lits.append('0');
        List<String> out = new ArrayList<>();
        int len = 3000;
        StringBuilder all = new StringBuilder();
        while (all.length() < len) all.append(lits);
        out.add(all + "\u0000");
        for (int i = 0; i < lits.length() && i < 24; i++) {
            out.add(String.valueOf(lits.charAt(i)).repeat(len) + "\u0000");
        }
        return out;
    }

    /** The same regex without the literal-prefix pre-filter (tests compare the two). */
    GuardedRegex withoutPrefilter() {
        return new GuardedRegex(pattern, null);
    }

    /** The literal-prefix pre-filter in use, or null. */
    String prefix() {
        return prefix;
    }

    /** A guarded regex without the import-time probes (tests of the run-time guard only). */
    static GuardedRegex unprobed(String regex) {
        return new GuardedRegex(Pattern.compile(regex), null);
    }

    /** All matches as {start, end} pairs in {@code text}, with the default budget for its length. */
    public List<int[]> findAll(CharSequence text) {
        return findAll(text, BASE_STEPS + STEPS_PER_CHAR * text.length());
    }

    List<int[]> findAll(CharSequence text, long budget) {
        if (prefix != null) return findAllFiltered(text, budget);
        Counting c = new Counting(text, budget);
        Matcher m = pattern.matcher(c);
        List<int[]> out = new ArrayList<>();
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            int s = m.start(), e = m.end();
            if (e > s) out.add(new int[] {s, e});
            from = e > s ? e : e + 1;
            if (out.size() > 10_000) break;
        }
        return out;
    }

    /**
     * Same matches as the plain loop, trying the regex only where its literal prefix occurs: every match starts
     * with the prefix, so the leftmost match from a position is the first of those candidates where the regex
     * matches (transparent, non-anchoring bounds: {@code \b} and look-behind see the text before the candidate).
     */
    private List<int[]> findAllFiltered(CharSequence text, long budget) {
        int n = text.length();
        List<int[]> out = new ArrayList<>(0);
        int plen = prefix.length();
        char first = prefix.charAt(0);
        Matcher m = null;
        int from = 0;
        for (int p = 0; p + plen <= n; p++) {
            if (p < from || lowerAscii(text.charAt(p)) != first || !startsWith(text, p)) continue;
            if (m == null) {
                m = pattern.matcher(new Counting(text, budget));
                m.useTransparentBounds(true);
                m.useAnchoringBounds(false);
            }
            m.region(p, n);
            if (m.lookingAt()) {
                int s = m.start(), e = m.end();
                out.add(new int[] {s, e});
                from = e > s ? e : e + 1;
                if (out.size() > 10_000) break;
            }
        }
        return out;
    }

    private boolean startsWith(CharSequence text, int p) {
        for (int k = 1; k < prefix.length(); k++) {
            if (lowerAscii(text.charAt(p + k)) != prefix.charAt(k)) return false;
        }
        return true;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static final class Counting implements CharSequence {
        private final CharSequence s;
        private long left;

        Counting(CharSequence s, long budget) {
            this.s = s;
            this.left = budget;
        }

        @Override public int length() { return s.length(); }

        @Override public char charAt(int index) {
            if (--left < 0) throw new StepLimitExceeded();
            return s.charAt(index);
        }

        @Override public CharSequence subSequence(int start, int end) { return s.subSequence(start, end); }

        @Override public String toString() { return s.toString(); }
    }
}
