package io.byline.service;

import io.byline.domain.PolicyEntry;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.store.PolicyRepository;
import io.byline.store.SettingsRepository;
import io.byline.store.Transactor;
import io.byline.store.Tx;
import io.byline.validation.GuardedRegex;
import io.byline.validation.PolicyReason;
import io.byline.validation.TextChecks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The policy of confidential terms as an editor changes it: terms and patterns, allowed phrases, internal domains.
 * Imports and exports are {@link PolicyTransferService}'s, the test bench {@link PolicyBenchService}'s, the re-check of
 * open posts {@link PolicyRecheckService}'s and proposals to allow a phrase {@link AllowProposalService}'s.
 *
 * <p>Terms are confidential themselves: reading or changing them needs Legal, Approver or Admin (other roles see
 * a finding's category and message, never the list). Headless commands run with nobody signed in and act as the
 * system, as elsewhere in Byline. Every change is validated as a whole policy by the validation package (bad or
 * catastrophic regexes, duplicates after normalisation, empty terms), written in one transaction with its audit
 * record (entry ids and counts, never term text), and bumps the policy version so checkers recompile.
 */
public final class PolicyService {
    public static final String VERSION_KEY = PolicyRules.VERSION_KEY;
    public static final int MAX_CATEGORY = 60;
    public static final int MAX_NOTE = 1000;
    public static final int MAX_TERM = 500;
    public static final int MAX_PHRASE = 200;

    /**
     * A term or pattern as typed in the editor.
     *
     * @param pattern whether {@code text} is a regular expression (else a word or phrase)
     */
    public record EntryDraft(boolean pattern, String text, String category, Severity severity, Instant embargoUntil,
                             String note) {
        public static EntryDraft of(PolicyEntry e) {
            return new EntryDraft(e.isPattern(), e.text(), e.category(), e.severity(), e.embargoUntil(), e.note());
        }
    }

    /** The whole policy as an editor sees it. */
    public record PolicyState(List<PolicyEntry> entries, List<String> allow, List<String> internalDomains, long version) {
        public PolicyState {
            entries = List.copyOf(entries);
            allow = List.copyOf(allow);
            internalDomains = List.copyOf(internalDomains);
        }
    }

    /** Version and size of the policy: safe to show anyone (no term text). */
    public record Summary(long version, int terms) {}

    /** A policy change not saved yet: the stored policy and the policy as it would be. */
    public record Candidate(PolicyProvider.Snapshot before, PolicyProvider.Snapshot after) {}

    /** Progress of long work: {@code done} of {@code total}. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    private final Transactor db;
    private final PolicyRepository policy;
    private final SettingsRepository settings;
    private final PolicyProvider provider;
    private final AuditService audit;
    private final Session session;
    private final Clock clock;

    public PolicyService(Transactor db, PolicyRepository policy, SettingsRepository settings, PolicyProvider provider,
                         AuditService audit, Session session, Clock clock) {
        this.db = db;
        this.policy = policy;
        this.settings = settings;
        this.provider = provider;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    // ---- who may ----------------------------------------------------------------------------------------------

    /** Whether the signed-in user may see and change the policy (Legal, Approver, Admin). */
    public boolean canManage() {
        return PolicyRules.canManage(session);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    public PolicyState state() {
        PolicyRules.requireManager(session);
        return db.inRead(tx -> new PolicyState(policy.entries(tx, true), policy.allowPhrases(tx), policy.internalDomains(tx),
                PolicyRules.version(settings, tx)));
    }

    /** Terms and patterns (retired ones too when asked). */
    public List<PolicyEntry> entries(boolean includeRetired) {
        PolicyRules.requireManager(session);
        return db.inRead(tx -> policy.entries(tx, includeRetired));
    }

    /** Active entries with an embargo, soonest lift first (lifted ones included: they no longer flag). */
    public List<PolicyEntry> embargoes() {
        PolicyRules.requireManager(session);
        return db.inRead(tx -> policy.entries(tx, false)).stream().filter(e -> e.embargoUntil() != null)
                .sorted(Comparator.comparing(PolicyEntry::embargoUntil).thenComparingLong(PolicyEntry::id)).toList();
    }

    /** Whether an embargo has lifted by now. */
    public boolean lifted(PolicyEntry e) {
        return e.embargoUntil() != null && !clock.instant().isBefore(e.embargoUntil());
    }

    /** Version and number of active terms, for the status bar (any signed-in user). */
    public Summary summary() {
        session.require();
        return db.inRead(tx -> new Summary(PolicyRules.version(settings, tx), policy.entries(tx, false).size()));
    }

    public long version() {
        return PolicyRules.version(db, settings);
    }

    // ---- editing ----------------------------------------------------------------------------------------------

    /** The policy as it would be with the entry added ({@code id} null) or edited; validated. */
    public Candidate candidate(Long id, EntryDraft draft) {
        PolicyRules.requireManager(session);
        EntryDraft d = clean(draft);
        return db.inRead(tx -> {
            PolicyProvider.Snapshot before = provider.snapshot(tx);
            List<PolicyEntry> entries = new ArrayList<>(before.entries());
            PolicyEntry e = toEntry(id == null ? 0 : id, d);
            if (id == null) {
                entries.add(e);
            } else {
                int at = indexOf(entries, id);
                if (at < 0) throw new ValidationException("entry", "policy.error.notFound");
                entries.set(at, e);
            }
            PolicyRules.validate(entries, before.allow(), before.internalDomains(), id == null ? entries.size() - 1 : indexOf(entries, id));
            return new Candidate(before, before.withWords(entries, before.allow(), before.internalDomains(), "candidate"));
        });
    }

    /** The policy as it would be without the entry. */
    public Candidate candidateRetire(long id) {
        PolicyRules.requireManager(session);
        return db.inRead(tx -> {
            PolicyProvider.Snapshot before = provider.snapshot(tx);
            List<PolicyEntry> entries = new ArrayList<>(before.entries());
            entries.removeIf(e -> e.id() == id);
            return new Candidate(before, before.withWords(entries, before.allow(), before.internalDomains(), "candidate"));
        });
    }

    /** The policy as it would be with these allowed phrases and internal domains. */
    public Candidate candidateLists(List<String> allow, List<String> domains) {
        PolicyRules.requireManager(session);
        List<String> a = cleanList(allow, "allow");
        List<String> d = cleanList(domains, "domains");
        return db.inRead(tx -> {
            PolicyProvider.Snapshot before = provider.snapshot(tx);
            PolicyRules.validate(before.entries(), a, d, -1);
            return new Candidate(before, before.withWords(before.entries(), a, d, "candidate"));
        });
    }

    /** Adds a term or pattern. Refused with a {@link ValidationException} naming the field when it cannot be used. */
    public PolicyEntry add(EntryDraft draft) {
        PolicyRules.requireManager(session);
        EntryDraft d = clean(draft);
        PolicyEntry saved = db.inWrite(tx -> {
            List<PolicyEntry> entries = new ArrayList<>(policy.entries(tx, false));
            entries.add(toEntry(0, d));
            PolicyRules.validate(entries, policy.allowPhrases(tx), policy.internalDomains(tx), entries.size() - 1);
            long id = policy.insert(tx, toEntry(0, d));
            long v = PolicyRules.bump(settings, tx);
            audit.record(tx, "policy.entry.add", "policy_term", id, PolicyRules.details("kind", d.pattern() ? "pattern" : "term",
                    "category", d.category(), "severity", d.severity().name(), "embargoUntil", d.embargoUntil(), "version", v));
            return policy.entry(tx, id).orElseThrow();
        });
        provider.invalidate();
        return saved;
    }

    /** Changes a term or pattern (its text, category, severity, embargo or note). */
    public PolicyEntry edit(long id, EntryDraft draft) {
        PolicyRules.requireManager(session);
        EntryDraft d = clean(draft);
        PolicyEntry saved = db.inWrite(tx -> {
            PolicyEntry old = policy.entry(tx, id).orElseThrow(() -> new ValidationException("entry", "policy.error.notFound"));
            if (old.retired()) throw new ValidationException("entry", "policy.error.retired");
            List<PolicyEntry> entries = new ArrayList<>(policy.entries(tx, false));
            int at = indexOf(entries, id);
            entries.set(at, toEntry(id, d));
            PolicyRules.validate(entries, policy.allowPhrases(tx), policy.internalDomains(tx), at);
            policy.update(tx, toEntry(id, d));
            long v = PolicyRules.bump(settings, tx);
            audit.record(tx, "policy.entry.edit", "policy_term", id, PolicyRules.details("kind", d.pattern() ? "pattern" : "term",
                    "category", d.category(), "severity", d.severity().name(), "embargoUntil", d.embargoUntil(),
                    "textChanged", !old.text().equals(d.text()), "version", v));
            return policy.entry(tx, id).orElseThrow();
        });
        provider.invalidate();
        return saved;
    }

    /** Retires an entry (it stops flagging; kept for the record) or brings a retired one back. */
    public void setRetired(long id, boolean retired) {
        PolicyRules.requireManager(session);
        db.inWrite(tx -> {
            PolicyEntry old = policy.entry(tx, id).orElseThrow(() -> new ValidationException("entry", "policy.error.notFound"));
            if (old.retired() == retired) return null;
            if (!retired) {
                List<PolicyEntry> entries = new ArrayList<>(policy.entries(tx, false));
                entries.add(old);
                PolicyRules.validate(entries, policy.allowPhrases(tx), policy.internalDomains(tx), entries.size() - 1);
            }
            policy.setRetired(tx, id, retired);
            long v = PolicyRules.bump(settings, tx);
            return audit.record(tx, retired ? "policy.entry.retire" : "policy.entry.restore", "policy_term", id,
                    PolicyRules.details("version", v));
        });
        provider.invalidate();
    }

    /** Replaces the allowed phrases and the internal domains. */
    public void saveLists(List<String> allow, List<String> domains) {
        PolicyRules.requireManager(session);
        List<String> a = cleanList(allow, "allow");
        List<String> d = cleanList(domains, "domains");
        db.inWrite(tx -> {
            List<String> oldA = policy.allowPhrases(tx);
            List<String> oldD = policy.internalDomains(tx);
            if (oldA.equals(a) && oldD.equals(d)) return null;
            PolicyRules.validate(policy.entries(tx, false), a, d, -1);
            policy.replaceAllowPhrases(tx, a);
            policy.replaceInternalDomains(tx, d);
            long v = PolicyRules.bump(settings, tx);
            return audit.record(tx, "policy.lists.update", "policy", null, PolicyRules.details("allowAdded", PolicyRules.minus(a, oldA).size(),
                    "allowRemoved", PolicyRules.minus(oldA, a).size(), "domainsAdded", PolicyRules.minus(d, oldD).size(),
                    "domainsRemoved", PolicyRules.minus(oldD, d).size(), "version", v));
        });
        provider.invalidate();
    }

    // ---- checking a draft -------------------------------------------------------------------------------------

    private EntryDraft clean(EntryDraft d) {
        if (d == null) throw new ValidationException("text", "policy.error.empty");
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<Object>> args = new HashMap<>();
        String text = d.text() == null ? "" : (d.pattern() ? d.text() : d.text().strip());
        String category = d.category() == null ? "" : d.category().strip().toLowerCase(Locale.ROOT);
        String note = d.note() == null ? "" : d.note().strip();
        int lone = TextChecks.firstLoneSurrogate(text);
        if (text.isBlank()) errors.put("text", "policy.error.empty");
        else if (lone >= 0) loneSurrogate(errors, args, "text", d.pattern() ? "pattern" : "term", text, lone);
        else if (!d.pattern() && text.length() > MAX_TERM) errors.put("text", "policy.error.tooLong");
        else if (d.pattern()) {
            try {
                GuardedRegex.compile(text);
            } catch (GuardedRegex.Refused e) {
                String key = PolicyRules.patternKey(e.reason());
                if (key.equals("policy.error.badRegex")) {
                    // the syntax error itself says more than "not valid"
                    errors.put("text", e.reason().key());
                    args.put("text", e.reason().args());
                } else {
                    errors.put("text", key);
                }
            }
        }
        if (category.isEmpty()) errors.put("category", "policy.error.category");
        else if (category.length() > MAX_CATEGORY || !category.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]*")) {
            errors.put("category", "policy.error.categoryShape");
        }
        if (d.severity() == null) errors.put("severity", "policy.error.severity");
        if (note.length() > MAX_NOTE) errors.put("note", "policy.error.noteTooLong");
        else if (TextChecks.firstLoneSurrogate(note) >= 0) {
            loneSurrogate(errors, args, "note", "note", note, TextChecks.firstLoneSurrogate(note));
        }
        if (!errors.isEmpty()) throw new ValidationException(errors, args);
        return new EntryDraft(d.pattern(), text, category, d.severity(), d.embargoUntil(), note);
    }

    /** A field error for a lone surrogate: what it is and at which character. */
    private static void loneSurrogate(Map<String, String> errors, Map<String, List<Object>> args, String field, String name,
                                      String text, int index) {
        PolicyReason why = TextChecks.loneSurrogate(name, text, index);
        errors.put(field, why.key());
        args.put(field, why.args());
    }

    private static List<String> cleanList(List<String> items, String field) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String s : items == null ? List.<String>of() : items) {
            String t = s == null ? "" : s.strip();
            if (t.isEmpty()) continue;
            int lone = TextChecks.firstLoneSurrogate(t);
            if (lone >= 0) {
                PolicyReason why = TextChecks.loneSurrogate(field.equals("domains") ? "internalDomains" : "allow", t, lone);
                throw new ValidationException(field, why.key(), why.args());
            }
            if (t.length() > MAX_PHRASE) throw new ValidationException(field, "policy.error.phraseTooLong");
            if (field.equals("domains")) {
                t = t.toLowerCase(Locale.ROOT);
                while (t.startsWith(".")) t = t.substring(1);
                if (!t.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}.-]*")) throw new ValidationException(field, "policy.error.domain");
            }
            if (seen.add(t.toLowerCase(Locale.ROOT))) out.add(t);
        }
        return out;
    }

    private static PolicyEntry toEntry(long id, EntryDraft d) {
        return new PolicyEntry(id, d.pattern() ? null : d.text(), d.pattern() ? d.text() : null, d.category(), d.severity(),
                d.embargoUntil(), d.note(), false);
    }

    private static int indexOf(List<PolicyEntry> entries, long id) {
        for (int i = 0; i < entries.size(); i++) if (entries.get(i).id() == id) return i;
        return -1;
    }

    /** Raises the policy version (the re-check of open posts follows it); for the services that edit other policy parts. */
    long bumpVersion(Tx tx) {
        return PolicyRules.bump(settings, tx);
    }
}
