package io.byline.validation;

import io.byline.domain.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Terms of one policy file that are equal after normalisation ({@link TermMatcher#key}: the key the matcher itself
 * finds them by, so "Zenfi Daxsar" and "Zenfidaxsar", or "Project Titan" and "project-titan", are one) would be one
 * entry of the matcher. Importing them merges them into the first: the stricter severity and the stricter embargo
 * (none, or the later lift) win; its text, id, category and note stay. Each merge is a warning naming both lines.
 */
public final class TermMerge {
    /**
     * One merge.
     *
     * @param kept     index of the entry kept, in the file
     * @param dropped  index of the entry merged into it, in the file
     * @param severity the severity the kept entry has now
     */
    public record Merge(int kept, String keptTerm, int keptLine, int dropped, String droppedTerm, int droppedLine,
                        Severity severity) {
        /** The warning, with its bundle key and arguments, naming both lines (or entries, when lines are unknown). */
        public PolicyReason warning() {
            return PolicyReason.of("policy.warning.mergedTerms", "Line " + droppedLine + " \"" + droppedTerm
                    + "\" is the same term as line " + keptLine + " \"" + keptTerm + "\" after normalisation: merged into one, "
                    + severity + " (the stricter severity)", droppedLine, droppedTerm, keptLine, keptTerm, severity.name());
        }
    }

    /**
     * @param terms   the policy's entries after merging, in file order
     * @param sources for each of {@code terms}, its index in the file
     * @param merges  what was merged into what
     */
    public record Result(List<PolicyTerm> terms, List<Integer> sources, List<Merge> merges) {
        public Result {
            terms = List.copyOf(terms);
            sources = List.copyOf(sources);
            merges = List.copyOf(merges);
        }
    }

    private TermMerge() {}

    /**
     * Merges the terms equal after normalisation; patterns, and terms without letters or digits (left for compiling
     * to refuse), are kept as they are.
     *
     * @param lineOf the line of an entry of the file by its index (called only for merged entries)
     */
    public static Result merge(List<PolicyTerm> entries, IntUnaryOperator lineOf) {
        List<PolicyTerm> out = new ArrayList<>(entries.size());
        List<Integer> sources = new ArrayList<>(entries.size());
        List<Merge> merges = new ArrayList<>();
        Map<String, Integer> firstByKey = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            PolicyTerm t = entries.get(i);
            String key = t.isPattern() || t.term().length() > CompiledPolicy.MAX_TERM ? "" : TermMatcher.key(t.term());
            Integer at = key.isEmpty() ? null : firstByKey.get(key);
            if (at == null) {
                if (!key.isEmpty()) firstByKey.put(key, out.size());
                out.add(t);
                sources.add(i);
                continue;
            }
            PolicyTerm kept = out.get(at);
            Severity severity = Severity.worst(kept.severity(), t.severity());
            out.set(at, new PolicyTerm(kept.id(), kept.term(), null, kept.category(), severity,
                    stricterEmbargo(kept.embargoUntil(), t.embargoUntil()), kept.note()));
            int keptIndex = sources.get(at);
            merges.add(new Merge(keptIndex, kept.term(), lineOf.applyAsInt(keptIndex), i, t.term(), lineOf.applyAsInt(i),
                    severity));
        }
        return new Result(out, sources, merges);
    }

    /** No embargo (confidential always) is stricter than any; otherwise the later lift. */
    private static Instant stricterEmbargo(Instant a, Instant b) {
        if (a == null || b == null) return null;
        return a.isAfter(b) ? a : b;
    }
}
