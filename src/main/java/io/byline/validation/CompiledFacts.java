package io.byline.validation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link PolicyFacts} of a policy ready to run: facts by metric with their periods, one lexicon automaton over
 * every do-not-engage handle and name (so the look-alike, leet and separator evasions the lexicon sees through are
 * seen through here too), the quiet periods. Immutable and thread-safe.
 */
final class CompiledFacts {
    static final CompiledFacts NONE = new CompiledFacts(PolicyFacts.empty(), new EnumMap<>(Metric.class), null, new int[0][], Map.of());

    /** A fact with its period understood. */
    record Fact(PolicyFact fact, Periods.Period period) {}

    private final PolicyFacts source;
    private final Map<Metric, List<Fact>> byMetric;
    private final TermMatcher engage;
    private final int[][] entriesOfKey;
    private final Map<String, List<Integer>> entriesOfHandleKey;

    private CompiledFacts(PolicyFacts source, Map<Metric, List<Fact>> byMetric, TermMatcher engage, int[][] entriesOfKey,
                          Map<String, List<Integer>> entriesOfHandleKey) {
        this.source = source;
        this.byMetric = byMetric;
        this.engage = engage;
        this.entriesOfKey = entriesOfKey;
        this.entriesOfHandleKey = entriesOfHandleKey;
    }

    static CompiledFacts compile(PolicyFacts facts) throws PolicyException {
        if (facts.isEmpty()) return NONE;
        Map<Metric, List<Fact>> byMetric = new EnumMap<>(Metric.class);
        for (PolicyFact f : facts.facts()) {
            byMetric.computeIfAbsent(f.metric(), k -> new ArrayList<>()).add(new Fact(f, Periods.of(f.period())));
        }
        // one automaton key per distinct folded handle or name; a key may belong to several entries
        List<String> keys = new ArrayList<>();
        List<List<Integer>> owners = new ArrayList<>();
        Map<String, Integer> keyIndex = new HashMap<>();
        Map<String, List<Integer>> handles = new HashMap<>();
        List<DoNotEngage> list = facts.doNotEngage();
        for (int i = 0; i < list.size(); i++) {
            DoNotEngage d = list.get(i);
            String hk = TermMatcher.key(d.handle());
            if (hk.isEmpty()) {
                throw new PolicyException(PolicyReason.of("policy.error.part.badHandle",
                        "doNotEngage[" + i + "]: not a handle: \"" + d.handle() + "\"", "doNotEngage[" + i + "]", d.handle()));
            }
            handles.computeIfAbsent(hk, k -> new ArrayList<>()).add(i);
            List<String> texts = new ArrayList<>(d.names().size() + 1);
            texts.add(d.handle());
            texts.addAll(d.names());
            for (String t : texts) {
                String k = TermMatcher.key(t);
                if (k.isEmpty()) continue;
                Integer at = keyIndex.get(k);
                if (at == null) {
                    keyIndex.put(k, keys.size());
                    keys.add(t);
                    owners.add(new ArrayList<>(List.of(i)));
                    continue;
                }
                // "Rival Corp" and "@rivalcorp" fold to one key: keep the text with more words, which also
                // matches the words written together
                if (words(t) > words(keys.get(at))) keys.set(at, t);
                if (!owners.get(at).contains(i)) owners.get(at).add(i);
            }
        }
        TermMatcher matcher = null;
        if (!keys.isEmpty()) {
            try {
                matcher = TermMatcher.compile(keys, List.of());
            } catch (TermMatcher.KeyException e) {
                throw new PolicyException(e.reason());
            }
        }
        int[][] entries = new int[owners.size()][];
        for (int i = 0; i < entries.length; i++) entries[i] = owners.get(i).stream().mapToInt(Integer::intValue).toArray();
        return new CompiledFacts(facts, byMetric, matcher, entries, handles);
    }

    private static int words(String s) {
        return s.strip().split("[\\s\\-_.]+").length;
    }

    PolicyFacts source() { return source; }

    boolean hasFacts() { return !source.facts().isEmpty(); }

    List<Fact> facts(Metric m) { return byMetric.getOrDefault(m, List.of()); }

    /** The automaton of handles and names, or null when there are no do-not-engage entries. */
    TermMatcher engageMatcher() { return engage; }

    /** The do-not-engage entries (indexes) of an automaton key. */
    int[] entriesOfKey(int key) { return entriesOfKey[key]; }

    /** The do-not-engage entries whose handle is {@code handle} (with or without @, any case, look-alikes folded). */
    List<Integer> entriesOfHandle(String handle) {
        if (handle == null || entriesOfHandleKey.isEmpty()) return List.of();
        return entriesOfHandleKey.getOrDefault(TermMatcher.key(handle), List.of());
    }
}
