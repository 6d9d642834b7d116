package io.byline.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy ready to run: one term automaton, guarded regexes, the internal host suffixes. Immutable and
 * thread-safe; compile once and share it between threads and posts.
 */
public final class CompiledPolicy {
    /** Longest term accepted, in characters. */
    static final int MAX_TERM = 500;

    private final Policy policy;
    private final TermMatcher matcher;
    private final List<GuardedRegex> regexes;   // parallel to patternEntries
    private final int[] patternEntries;
    private final List<String> internalDomains;
    private final int[] termEntryMap;
    private final CompiledFacts facts;
    /** Per entry, the lexicon message, made on first use (a race only makes it twice). */
    private final Message[] messages;
    private final java.util.concurrent.ConcurrentHashMap<String, Message> byCategory = new java.util.concurrent.ConcurrentHashMap<>();

    /** A finding's message key and its English text. */
    record Message(String key, String english) {}

    private CompiledPolicy(Policy policy, TermMatcher matcher, int[] termEntryMap, List<GuardedRegex> regexes,
                           int[] patternEntries, List<String> internalDomains, CompiledFacts facts) {
        this.policy = policy;
        this.facts = facts;
        this.termEntryMap = termEntryMap;
        this.matcher = matcher;
        this.regexes = regexes;
        this.patternEntries = patternEntries;
        this.internalDomains = internalDomains;
        this.messages = new Message[policy.terms().size()];
    }

    /**
     * Validates and compiles a policy: every term has letters or digits, no two terms fold to the same key,
     * every pattern compiles and is not catastrophic, allowed phrases and domains are not blank.
     *
     * @throws PolicyException naming the entry's index and term or pattern
     */
    public static CompiledPolicy compile(Policy policy) throws PolicyException {
        List<PolicyTerm> entries = policy.terms();
        List<String> termTexts = new ArrayList<>(entries.size());
        List<Integer> termEntries = new ArrayList<>(entries.size());
        List<GuardedRegex> regexes = new ArrayList<>();
        List<Integer> patternEntries = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            PolicyTerm t = entries.get(i);
            if (t.isPattern()) {
                try {
                    regexes.add(GuardedRegex.compile(t.pattern()));
                } catch (GuardedRegex.Refused e) {
                    throw new PolicyException(e.reason(), i, t.pattern());
                }
                patternEntries.add(i);
            } else {
                if (t.term().isBlank()) throw new PolicyException(PolicyReason.of("policy.error.emptyTerm", "empty term"), i, t.term());
                if (t.term().length() > MAX_TERM) {
                    throw new PolicyException(PolicyReason.of("policy.error.termTooLong",
                            "term longer than " + MAX_TERM + " characters", MAX_TERM), i, t.term());
                }
                termTexts.add(t.term());
                termEntries.add(i);
            }
        }
        for (int i = 0; i < policy.allow().size(); i++) {
            if (policy.allow().get(i) == null || policy.allow().get(i).isBlank()) {
                throw new PolicyException(PolicyReason.of("policy.error.emptyAllowed", "allow[" + i + "]: empty allowed phrase", i));
            }
        }
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < policy.internalDomains().size(); i++) {
            String d = policy.internalDomains().get(i);
            String n = d == null ? "" : d.trim().toLowerCase(Locale.ROOT);
            while (n.startsWith(".")) n = n.substring(1);
            if (n.isEmpty() || n.contains("/") || n.contains(" ")) {
                throw new PolicyException(PolicyReason.of("policy.error.badDomain",
                        "internalDomains[" + i + "]: not a host name: \"" + d + "\"", i, d));
            }
            domains.add(n);
        }
        TermMatcher matcher;
        try {
            matcher = TermMatcher.compile(termTexts, policy.allow());
        } catch (TermMatcher.KeyException e) {
            int entry = termEntries.get(e.entry());
            PolicyReason reason = e.reason();
            if (e.other() >= 0) {
                int other = termEntries.get(e.other());
                String otherTerm = entries.get(other).term();
                reason = PolicyReason.of("policy.error.duplicateTerm",
                        "duplicate term (same as terms[" + other + "] \"" + otherTerm + "\" after normalisation)", other, otherTerm);
            }
            throw new PolicyException(reason, entry, entries.get(entry).term());
        }
        // the matcher reports indexes into termTexts; map them back to entry indexes
        int[] map = termEntries.stream().mapToInt(Integer::intValue).toArray();
        CompiledFacts facts = CompiledFacts.compile(policy.facts());
        return new CompiledPolicy(policy, matcher, map, List.copyOf(regexes),
                patternEntries.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(domains), facts);
    }

    /** Facts, do-not-engage accounts and quiet periods, compiled. */
    CompiledFacts facts() { return facts; }

    public Policy policy() { return policy; }

    public PolicyTerm entry(int index) { return policy.terms().get(index); }

    TermMatcher matcher() { return matcher; }

    /** The message of a lexicon hit on this entry (formatting one per hit costs more than the match). */
    Message lexiconMessage(int entry) {
        Message m = messages[entry];
        if (m == null) {
            m = byCategory.computeIfAbsent(entry(entry).category(), ConfidentialTermCheck::message);
            messages[entry] = m;
        }
        return m;
    }

    /** Policy entry index of the matcher's term index. */
    int termEntry(int matcherIndex) { return termEntryMap[matcherIndex]; }

    int patternCount() { return regexes.size(); }

    GuardedRegex regex(int i) { return regexes.get(i); }

    int patternEntry(int i) { return patternEntries[i]; }

    /** Policy host suffixes (lower case, no leading dot). */
    public List<String> internalDomains() { return internalDomains; }
}
