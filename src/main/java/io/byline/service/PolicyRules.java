package io.byline.service;

import io.byline.domain.PolicyEntry;
import io.byline.domain.Role;
import io.byline.domain.ValidationException;
import io.byline.store.SettingsRepository;
import io.byline.store.Transactor;
import io.byline.store.Tx;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.Policy;
import io.byline.validation.PolicyException;
import io.byline.validation.PolicyReason;
import io.byline.validation.PolicyTerm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the policy services share: who may manage the policy, the policy version and its bump, the whole-policy
 * validation of a change, and the audit details of their entries.
 */
final class PolicyRules {
    static final String VERSION_KEY = "policy.version";
    static final String RECHECKED_KEY = "policy.recheckedVersion";
    static final String EMBARGO_CHECKED_KEY = "policy.embargoCheckedAt";

    private PolicyRules() {}

    /** Whether the signed-in user may see and change the policy (Legal, Approver, Admin). */
    static boolean canManage(Session session) {
        return session.user().map(u -> u.hasAny(Role.LEGAL, Role.APPROVER, Role.ADMIN)).orElse(false);
    }

    /** Legal, Approver or Admin; nobody signed in is a headless command acting as the system. */
    static void requireManager(Session session) {
        session.requireAnyUnlessHeadless(Role.LEGAL, Role.APPROVER, Role.ADMIN);
    }

    static long version(Transactor db, SettingsRepository settings) {
        return db.inRead(tx -> version(settings, tx));
    }

    static long version(SettingsRepository settings, Tx tx) {
        return settings.get(tx, VERSION_KEY).map(Long::parseLong).orElse(1L);
    }

    /** Raises the policy version (so checkers recompile), keeping the version last re-checked as the baseline. */
    static long bump(SettingsRepository settings, Tx tx) {
        long old = version(settings, tx);
        if (settings.get(tx, RECHECKED_KEY).isEmpty()) settings.put(tx, RECHECKED_KEY, Long.toString(old)); // the baseline
        long v = old + 1;
        settings.put(tx, VERSION_KEY, Long.toString(v));
        return v;
    }

    static String patternKey(PolicyReason why) {
        String k = why.key() == null ? "" : why.key();
        switch (k) {
            case "policy.error.catastrophicRegex":
            case "policy.error.regexTooDeep":
                return "policy.error.catastrophic";
            case "policy.error.emptyPattern":
                return "policy.error.empty";
            case "policy.error.patternMatchesEmpty":
                return "policy.error.matchesEmpty";
            case "policy.error.patternTooLong":
                return "policy.error.tooLong";
            default:
                return "policy.error.badRegex";
        }
    }

    /**
     * Compiles the would-be policy with the validation package: bad or catastrophic regexes, empty terms and
     * duplicates after normalisation are refused. {@code focus} is the entry being edited (its problems are
     * reported on the text field; problems of other entries name them).
     */
    static void validate(List<PolicyEntry> entries, List<String> allow, List<String> domains, int focus) {
        try {
            CompiledPolicy.compile(toPolicy("", entries, allow, domains));
        } catch (PolicyException e) {
            String reason = e.reason();
            if (reason.startsWith("duplicate")) throw new ValidationException("text", "policy.error.duplicate");
            if (e.entryIndex() == focus && focus >= 0) throw fieldError("text", e.why());
            if (e.entryIndex() < 0 && reason.startsWith("allow")) throw fieldError("allow", e.why());
            if (e.entryIndex() < 0 && reason.startsWith("internalDomains")) throw fieldError("domains", e.why());
            if (e.entryIndex() >= 0) {
                // another entry, already stored, does not pass (checks may be stricter than when it was saved)
                String label = e.shownLabel() == null ? "" : e.shownLabel();
                throw new ValidationException("text", "policy.error.otherEntry", List.of(e.entryIndex(), label));
            }
            throw fieldError("text", e.why());
        }
    }

    /** A field error saying the reason: its key and arguments, or its English text when it has no key. */
    private static ValidationException fieldError(String field, PolicyReason why) {
        return why.key() == null ? new ValidationException(field, why.english())
                : new ValidationException(field, why.key(), why.args());
    }

    static Policy toPolicy(String name, List<PolicyEntry> entries, List<String> allow, List<String> domains) {
        List<PolicyTerm> terms = new ArrayList<>(entries.size());
        for (PolicyEntry e : entries) terms.add(toTerm(e));
        return new Policy(name, terms, allow, domains);
    }

    private static PolicyTerm toTerm(PolicyEntry e) {
        return new PolicyTerm(e.id() > 0 ? String.valueOf(e.id()) : null, e.term(), e.pattern(), e.category(), e.severity(),
                e.embargoUntil(), e.note().isEmpty() ? null : e.note());
    }

    static List<String> minus(List<String> a, List<String> b) {
        Set<String> drop = new HashSet<>(b);
        return a.stream().filter(x -> !drop.contains(x)).toList();
    }

    static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v instanceof Instant t) v = t.toString();
            if (v != null) m.put((String) kv[i], v);
        }
        return m;
    }
}
