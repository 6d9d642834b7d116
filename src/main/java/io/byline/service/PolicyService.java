package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.AllowProposal;
import io.byline.domain.Executive;
import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.PolicyEntry;
import io.byline.domain.Post;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.Role;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;
import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.store.ExecutiveRepository;
import io.byline.store.ExportFiles;
import io.byline.store.PolicyRepository;
import io.byline.store.PostRepository;
import io.byline.store.SettingsRepository;
import io.byline.store.Transactor;
import io.byline.store.Tx;
import io.byline.store.json.PolicyCsv;
import io.byline.store.json.PolicyJson;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.GuardedRegex;
import io.byline.validation.Policy;
import io.byline.validation.PolicyException;
import io.byline.validation.PolicyReason;
import io.byline.validation.PolicyTerm;
import io.byline.validation.TermMatcher;
import io.byline.validation.TermMerge;
import io.byline.validation.TextChecks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The policy of confidential terms: terms and patterns, allowed phrases, internal domains; imports and exports;
 * the test bench; proposals to allow a phrase; and what a policy change means for posts on their way (re-check).
 *
 * <p>Terms are confidential themselves: reading or changing them needs Legal, Approver or Admin (other roles see
 * a finding's category and message, never the list). Headless commands run with nobody signed in and act as the
 * system, as elsewhere in Byline. Every change is validated as a whole policy by the validation package (bad or
 * catastrophic regexes, duplicates after normalisation, empty terms), written in one transaction with its audit
 * record (entry ids and counts, never term text), and bumps the policy version so checkers recompile.
 */
public final class PolicyService {
    public static final String VERSION_KEY = "policy.version";
    static final String RECHECKED_KEY = "policy.recheckedVersion";
    static final String EMBARGO_CHECKED_KEY = "policy.embargoCheckedAt";
    public static final int MAX_CATEGORY = 60;
    public static final int MAX_NOTE = 1000;
    public static final int MAX_TERM = 500;
    public static final int MAX_PHRASE = 200;
    /** Most examples the test bench returns per direction. */
    public static final int BENCH_EXAMPLES = 5;
    private static final int AUDIT_IDS = 200;

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

    /**
     * The outcome of trying a regex on sample text: the match spans, or why the pattern cannot be used.
     *
     * @param errorKey   bundle key of the problem ({@code policy.error.*}), or null when the pattern is usable
     * @param detail     the technical detail in English (e.g. the regex syntax error), or null
     * @param detailKey  bundle key of the detail, or null when it is known only in English
     * @param detailArgs the arguments of {@code detailKey}
     */
    public record PatternTest(String errorKey, String detail, List<int[]> matches, String detailKey, List<Object> detailArgs) {
        public PatternTest {
            matches = List.copyOf(matches);
            detailArgs = detailArgs == null ? List.of() : List.copyOf(detailArgs);
        }

        public PatternTest(String errorKey, String detail, List<int[]> matches) {
            this(errorKey, detail, matches, null, List.of());
        }

        public boolean ok() {
            return errorKey == null;
        }
    }

    /**
     * One problem of an imported file, with where it is (line and column 1-based; -1 when unknown). The message
     * says it all in English (the command line prints it); a screen puts the same parts together in its language.
     *
     * @param message      the problem in English, with its entry and location, e.g. {@code terms[3] "X": empty term (line 5)}
     * @param entry        index of the entry the problem is about (0-based, in {@code terms}), or -1
     * @param entryLabel   that entry's term or pattern as the message quotes it, or null
     * @param key          bundle key of the reason ({@code policy.error.*}), or null when it is known only in English
     * @param args         the arguments of {@code key}
     * @param storedPolicy the entry is one of the stored policy's, not the file's (so it has no line)
     */
    public record ImportError(int line, int column, String message, int entry, String entryLabel, String key, List<Object> args,
                              boolean storedPolicy) {
        public ImportError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        /** A problem known only in English. */
        public ImportError(int line, int column, String message) {
            this(line, column, message, -1, null, null, List.of(), false);
        }

        /** A problem of the whole file, without a line. */
        static ImportError of(PolicyReason reason) {
            return new ImportError(-1, -1, reason.english(), -1, null, reason.key(), reason.args(), false);
        }

        static ImportError of(PolicyException e) {
            return new ImportError(e.line(), e.column(), e.getMessage(), e.entryIndex(), e.shownLabel(), e.key(), e.args(), false);
        }
    }

    /**
     * Something the import does that the user should know about, though the file can be imported (terms equal after
     * normalisation merged into one).
     *
     * @param message the warning in English (the command line prints it)
     * @param key     its bundle key ({@code policy.warning.*})
     * @param args    the key's arguments
     */
    public record ImportWarning(String message, String key, List<Object> args) {
        public ImportWarning {
            args = List.copyOf(args);
        }

        static ImportWarning of(PolicyReason why) {
            return new ImportWarning(why.english(), why.key(), why.args());
        }
    }

    /** An entry whose stored form differs from the file's. */
    public record EntryChange(PolicyEntry before, PolicyEntry after) {}

    /**
     * What applying an import would do. {@link #apply} works only while the stored policy is still at
     * {@code baseVersion} (otherwise preview again).
     */
    public record ImportPreview(String fileName, String format, boolean replace, List<PolicyEntry> added,
                                List<EntryChange> changed, List<PolicyEntry> removed, int unchanged,
                                List<String> allowAdded, List<String> allowRemoved, List<String> domainsAdded,
                                List<String> domainsRemoved, List<ImportError> errors, long baseVersion,
                                List<ImportWarning> warnings) {
        public ImportPreview {
            warnings = List.copyOf(warnings);
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
            allowAdded = List.copyOf(allowAdded);
            allowRemoved = List.copyOf(allowRemoved);
            domainsAdded = List.copyOf(domainsAdded);
            domainsRemoved = List.copyOf(domainsRemoved);
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        public boolean hasChanges() {
            return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty() || !allowAdded.isEmpty()
                    || !allowRemoved.isEmpty() || !domainsAdded.isEmpty() || !domainsRemoved.isEmpty();
        }

        /** The preview of a file that cannot be imported. */
        static ImportPreview rejected(String fileName, String format, boolean replace, List<ImportError> errors, long version) {
            return new ImportPreview(fileName, format, replace, List.of(), List.of(), List.of(), 0, List.of(), List.of(),
                    List.of(), List.of(), errors, version, List.of());
        }
    }

    /** What an applied import did. */
    public record ImportResult(int added, int changed, int removed, long version) {}

    /** A policy change not saved yet: the stored policy and the policy as it would be. */
    public record Candidate(PolicyProvider.Snapshot before, PolicyProvider.Snapshot after) {}

    /**
     * A post the change affects.
     *
     * @param published whether it is in the archive (published) rather than the queue
     * @param snippet   the text around the first finding that appears or disappears
     */
    public record BenchExample(long postId, String executive, Platform platform, boolean published, String snippet,
                               String category) {}

    /** How many posts a change would newly flag or stop flagging, in the queue and the archive, with examples. */
    public record BenchResult(int postsChecked, int queueNewlyFlagged, int queueCleared, int archiveNewlyFlagged,
                              int archiveCleared, List<BenchExample> newlyFlagged, List<BenchExample> cleared,
                              boolean cancelled) {
        public BenchResult {
            newlyFlagged = List.copyOf(newlyFlagged);
            cleared = List.copyOf(cleared);
        }

        public boolean noEffect() {
            return queueNewlyFlagged + queueCleared + archiveNewlyFlagged + archiveCleared == 0;
        }
    }

    /** Progress of long work: {@code done} of {@code total}. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    private final Transactor db;
    private final PolicyRepository policy;
    private final SettingsRepository settings;
    private final PostRepository posts;
    private final ExecutiveRepository executives;
    private final PolicyProvider provider;
    private final DraftService drafts;
    private final AuditService audit;
    private final Session session;
    private final Clock clock;

    public PolicyService(Transactor db, PolicyRepository policy, SettingsRepository settings, PostRepository posts,
                         ExecutiveRepository executives, PolicyProvider provider, DraftService drafts, AuditService audit,
                         Session session, Clock clock) {
        this.db = db;
        this.policy = policy;
        this.settings = settings;
        this.posts = posts;
        this.executives = executives;
        this.provider = provider;
        this.drafts = drafts;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    // ---- who may ----------------------------------------------------------------------------------------------

    /** Whether the signed-in user may see and change the policy (Legal, Approver, Admin). */
    public boolean canManage() {
        return session.user().map(u -> u.hasAny(Role.LEGAL, Role.APPROVER, Role.ADMIN)).orElse(false);
    }

    /** Whether the signed-in user may apply or decline proposals to allow a phrase (Legal, Admin). */
    public boolean canDecideProposals() {
        return session.user().map(u -> u.hasAny(Role.LEGAL, Role.ADMIN)).orElse(false);
    }

    /** Legal, Approver or Admin; nobody signed in is a headless command acting as the system. */
    private void requireManager() {
        session.requireAnyUnlessHeadless(Role.LEGAL, Role.APPROVER, Role.ADMIN);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    public PolicyState state() {
        requireManager();
        return db.inRead(tx -> new PolicyState(policy.entries(tx, true), policy.allowPhrases(tx), policy.internalDomains(tx),
                version(tx)));
    }

    /** Terms and patterns (retired ones too when asked). */
    public List<PolicyEntry> entries(boolean includeRetired) {
        requireManager();
        return db.inRead(tx -> policy.entries(tx, includeRetired));
    }

    /** Active entries with an embargo, soonest lift first (lifted ones included: they no longer flag). */
    public List<PolicyEntry> embargoes() {
        requireManager();
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
        return db.inRead(tx -> new Summary(version(tx), policy.entries(tx, false).size()));
    }

    public long version() {
        return db.inRead(this::version);
    }

    private long version(Tx tx) {
        return settings.get(tx, VERSION_KEY).map(Long::parseLong).orElse(1L);
    }

    // ---- editing ----------------------------------------------------------------------------------------------

    /** The policy as it would be with the entry added ({@code id} null) or edited; validated. */
    public Candidate candidate(Long id, EntryDraft draft) {
        requireManager();
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
            validate(entries, before.allow(), before.internalDomains(), id == null ? entries.size() - 1 : indexOf(entries, id));
            return new Candidate(before, before.withWords(entries, before.allow(), before.internalDomains(), "candidate"));
        });
    }

    /** The policy as it would be without the entry. */
    public Candidate candidateRetire(long id) {
        requireManager();
        return db.inRead(tx -> {
            PolicyProvider.Snapshot before = provider.snapshot(tx);
            List<PolicyEntry> entries = new ArrayList<>(before.entries());
            entries.removeIf(e -> e.id() == id);
            return new Candidate(before, before.withWords(entries, before.allow(), before.internalDomains(), "candidate"));
        });
    }

    /** The policy as it would be with these allowed phrases and internal domains. */
    public Candidate candidateLists(List<String> allow, List<String> domains) {
        requireManager();
        List<String> a = cleanList(allow, "allow");
        List<String> d = cleanList(domains, "domains");
        return db.inRead(tx -> {
            PolicyProvider.Snapshot before = provider.snapshot(tx);
            validate(before.entries(), a, d, -1);
            return new Candidate(before, before.withWords(before.entries(), a, d, "candidate"));
        });
    }

    /** Adds a term or pattern. Refused with a {@link ValidationException} naming the field when it cannot be used. */
    public PolicyEntry add(EntryDraft draft) {
        requireManager();
        EntryDraft d = clean(draft);
        PolicyEntry saved = db.inWrite(tx -> {
            List<PolicyEntry> entries = new ArrayList<>(policy.entries(tx, false));
            entries.add(toEntry(0, d));
            validate(entries, policy.allowPhrases(tx), policy.internalDomains(tx), entries.size() - 1);
            long id = policy.insert(tx, toEntry(0, d));
            long v = bump(tx);
            audit.record(tx, "policy.entry.add", "policy_term", id, details("kind", d.pattern() ? "pattern" : "term",
                    "category", d.category(), "severity", d.severity().name(), "embargoUntil", d.embargoUntil(), "version", v));
            return policy.entry(tx, id).orElseThrow();
        });
        provider.invalidate();
        return saved;
    }

    /** Changes a term or pattern (its text, category, severity, embargo or note). */
    public PolicyEntry edit(long id, EntryDraft draft) {
        requireManager();
        EntryDraft d = clean(draft);
        PolicyEntry saved = db.inWrite(tx -> {
            PolicyEntry old = policy.entry(tx, id).orElseThrow(() -> new ValidationException("entry", "policy.error.notFound"));
            if (old.retired()) throw new ValidationException("entry", "policy.error.retired");
            List<PolicyEntry> entries = new ArrayList<>(policy.entries(tx, false));
            int at = indexOf(entries, id);
            entries.set(at, toEntry(id, d));
            validate(entries, policy.allowPhrases(tx), policy.internalDomains(tx), at);
            policy.update(tx, toEntry(id, d));
            long v = bump(tx);
            audit.record(tx, "policy.entry.edit", "policy_term", id, details("kind", d.pattern() ? "pattern" : "term",
                    "category", d.category(), "severity", d.severity().name(), "embargoUntil", d.embargoUntil(),
                    "textChanged", !old.text().equals(d.text()), "version", v));
            return policy.entry(tx, id).orElseThrow();
        });
        provider.invalidate();
        return saved;
    }

    /** Retires an entry (it stops flagging; kept for the record) or brings a retired one back. */
    public void setRetired(long id, boolean retired) {
        requireManager();
        db.inWrite(tx -> {
            PolicyEntry old = policy.entry(tx, id).orElseThrow(() -> new ValidationException("entry", "policy.error.notFound"));
            if (old.retired() == retired) return null;
            if (!retired) {
                List<PolicyEntry> entries = new ArrayList<>(policy.entries(tx, false));
                entries.add(old);
                validate(entries, policy.allowPhrases(tx), policy.internalDomains(tx), entries.size() - 1);
            }
            policy.setRetired(tx, id, retired);
            long v = bump(tx);
            return audit.record(tx, retired ? "policy.entry.retire" : "policy.entry.restore", "policy_term", id,
                    details("version", v));
        });
        provider.invalidate();
    }

    /** Replaces the allowed phrases and the internal domains. */
    public void saveLists(List<String> allow, List<String> domains) {
        requireManager();
        List<String> a = cleanList(allow, "allow");
        List<String> d = cleanList(domains, "domains");
        db.inWrite(tx -> {
            List<String> oldA = policy.allowPhrases(tx);
            List<String> oldD = policy.internalDomains(tx);
            if (oldA.equals(a) && oldD.equals(d)) return null;
            validate(policy.entries(tx, false), a, d, -1);
            policy.replaceAllowPhrases(tx, a);
            policy.replaceInternalDomains(tx, d);
            long v = bump(tx);
            return audit.record(tx, "policy.lists.update", "policy", null, details("allowAdded", minus(a, oldA).size(),
                    "allowRemoved", minus(oldA, a).size(), "domainsAdded", minus(d, oldD).size(),
                    "domainsRemoved", minus(oldD, d).size(), "version", v));
        });
        provider.invalidate();
    }

    // ---- the pattern tester -------------------------------------------------------------------------------------

    /**
     * Compiles the regex as the policy would (probing it for catastrophic backtracking) and finds its matches in
     * the sample under the run-time step guard. Never hangs; call it off the FX thread.
     */
    public PatternTest testPattern(String regex, String sample) {
        requireManager();
        GuardedRegex g;
        try {
            g = GuardedRegex.compile(regex == null ? "" : regex);
        } catch (GuardedRegex.Refused e) {
            PolicyReason why = e.reason();
            return new PatternTest(patternKey(why), why.english(), List.of(), why.key(), why.args());
        }
        String text = sample == null ? "" : sample;
        if (text.length() > 20_000) text = text.substring(0, 20_000);
        try {
            return new PatternTest(null, null, g.findAll(text));
        } catch (GuardedRegex.StepLimitExceeded | StackOverflowError e) {
            return new PatternTest("policy.error.catastrophic", "step limit exceeded on the sample", List.of());
        }
    }

    /** The editor's word for why a pattern was refused; a syntax error is {@code policy.error.badRegex} (with its detail). */
    private static String patternKey(PolicyReason why) {
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

    // ---- validation ---------------------------------------------------------------------------------------------

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
                String key = patternKey(e.reason());
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

    /**
     * Compiles the would-be policy with the validation package: bad or catastrophic regexes, empty terms and
     * duplicates after normalisation are refused. {@code focus} is the entry being edited (its problems are
     * reported on the text field; problems of other entries name them).
     */
    private static void validate(List<PolicyEntry> entries, List<String> allow, List<String> domains, int focus) {
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

    private static PolicyEntry toEntry(long id, EntryDraft d) {
        return new PolicyEntry(id, d.pattern() ? null : d.text(), d.pattern() ? d.text() : null, d.category(), d.severity(),
                d.embargoUntil(), d.note(), false);
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

    private static int indexOf(List<PolicyEntry> entries, long id) {
        for (int i = 0; i < entries.size(); i++) if (entries.get(i).id() == id) return i;
        return -1;
    }

    /** Raises the policy version (the re-check of open posts follows it); for the services that edit other policy parts. */
    long bumpVersion(Tx tx) {
        return bump(tx);
    }

    private long bump(Tx tx) {
        long old = version(tx);
        if (settings.get(tx, RECHECKED_KEY).isEmpty()) settings.put(tx, RECHECKED_KEY, Long.toString(old)); // the baseline
        long v = old + 1;
        settings.put(tx, VERSION_KEY, Long.toString(v));
        return v;
    }

    // ---- import and export --------------------------------------------------------------------------------------

    /** Previews a policy file: CSV term list when the name ends in {@code .csv}, else the JSON policy format. */
    public ImportPreview previewFile(Path file, boolean replace) {
        requireManager();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        boolean csv = name.toLowerCase(Locale.ROOT).endsWith(".csv");
        String format = csv ? "csv" : "json";
        String text;
        try {
            long size = Files.size(file);
            if (size > PolicyJson.MAX_BYTES) {
                PolicyReason tooLarge = PolicyReason.of("policy.error.importTooLarge",
                        "file too large (" + size + " bytes; limit " + PolicyJson.MAX_BYTES + ")", size, PolicyJson.MAX_BYTES);
                return ImportPreview.rejected(name, format, replace, List.of(ImportError.of(tooLarge)), version());
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) PolicyJson.MAX_BYTES + 1);
            }
            text = PolicyCsv.decode(bytes);
        } catch (NoSuchFileException e) {
            return ImportPreview.rejected(name, format, replace, List.of(ImportError.of(PolicyReason.of("policy.error.fileNotFound",
                    "file not found: " + file, file.toString()))), version());
        } catch (IOException e) {
            return ImportPreview.rejected(name, format, replace, List.of(ImportError.of(PolicyReason.of("policy.error.cannotRead",
                    "cannot read the file: " + e.getMessage(), String.valueOf(e.getMessage())))), version());
        } catch (PolicyException e) {
            return ImportPreview.rejected(name, format, replace, List.of(error(e)), version());
        }
        return csv ? previewCsv(name, text, replace) : previewJson(name, text, replace);
    }

    /** Previews a policy in the JSON format of VALIDATION.md. */
    public ImportPreview previewJson(String fileName, String json, boolean replace) {
        requireManager();
        Policy parsed;
        List<TermMerge.Merge> merges;
        List<Integer> lines = new ArrayList<>();
        try {
            PolicyJson.Read read = PolicyJson.parseMerging(json);
            parsed = read.compiled().policy();
            merges = read.merges();
        } catch (PolicyException e) {
            return ImportPreview.rejected(fileName, "json", replace, List.of(error(e)), version());
        } catch (RuntimeException | StackOverflowError e) {
            String what = e.getClass().getSimpleName();
            return ImportPreview.rejected(fileName, "json", replace, List.of(ImportError.of(PolicyReason.of("policy.error.cannotParse",
                    "cannot read the policy: " + what, what))), version());
        }
        for (int i = 0; i < parsed.terms().size(); i++) lines.add(-1);
        return preview(fileName, "json", parsed, lines, replace, true, merges);
    }

    /** Previews a CSV term list (header: term or pattern, category, severity, embargoUntil, note). */
    public ImportPreview previewCsv(String fileName, String csv, boolean replace) {
        requireManager();
        PolicyCsv.Result r = PolicyCsv.parse(csv);
        if (!r.ok()) {
            return ImportPreview.rejected(fileName, "csv", replace, r.errors().stream().map(PolicyService::error).toList(), version());
        }
        TermMerge.Result merged = TermMerge.merge(r.terms(), i -> r.lines().get(i));
        List<Integer> lines = merged.sources().stream().map(r.lines()::get).toList();
        return preview(fileName, "csv", new Policy("", merged.terms(), List.of(), List.of()), lines, replace, false,
                merged.merges());
    }

    private static ImportError error(PolicyException e) {
        return ImportError.of(e);
    }

    private record Plan(List<PolicyEntry> added, List<EntryChange> changed, List<PolicyEntry> removed, int unchanged,
                        List<String> allow, List<String> domains, List<PolicyEntry> result, List<Integer> resultLines) {}

    private ImportPreview preview(String fileName, String format, Policy imported, List<Integer> lines, boolean replace,
                                  boolean withLists, List<TermMerge.Merge> merges) {
        List<ImportWarning> warnings = merges.stream().map(m -> ImportWarning.of(m.warning())).toList();
        return db.inRead(tx -> {
            long version = version(tx);
            List<PolicyEntry> stored = policy.entries(tx, false);
            List<String> storedAllow = policy.allowPhrases(tx);
            List<String> storedDomains = policy.internalDomains(tx);
            Plan plan = plan(stored, storedAllow, storedDomains, imported, lines, replace, withLists);
            try {
                CompiledPolicy.compile(toPolicy("", plan.result(), plan.allow(), plan.domains()));
            } catch (PolicyException e) {
                int line = e.entryIndex() >= 0 && e.entryIndex() < plan.resultLines().size() ? plan.resultLines().get(e.entryIndex()) : -1;
                boolean inStored = line < 0 && e.entryIndex() >= 0;
                String message = line > 0 ? e.at(line, -1).getMessage() : e.getMessage() + (inStored ? " (with the stored policy)" : "");
                return ImportPreview.rejected(fileName, format, replace, List.of(new ImportError(line, -1, message, e.entryIndex(),
                        e.shownLabel(), e.key(), e.args(), inStored)), version);
            }
            return new ImportPreview(fileName, format, replace, plan.added(), plan.changed(), plan.removed(), plan.unchanged(),
                    minus(plan.allow(), storedAllow), minus(storedAllow, plan.allow()), minus(plan.domains(), storedDomains),
                    minus(storedDomains, plan.domains()), List.of(), version, warnings);
        });
    }

    private Plan plan(List<PolicyEntry> stored, List<String> storedAllow, List<String> storedDomains, Policy imported,
                      List<Integer> lines, boolean replace, boolean withLists) {
        Map<Long, PolicyEntry> byId = new HashMap<>();
        Map<String, PolicyEntry> byKey = new HashMap<>();
        for (PolicyEntry e : stored) {
            byId.put(e.id(), e);
            byKey.putIfAbsent(key(e.term(), e.pattern()), e);
        }
        List<PolicyEntry> added = new ArrayList<>();
        List<EntryChange> changed = new ArrayList<>();
        Set<Long> matched = new HashSet<>();
        Map<Long, PolicyEntry> replacements = new HashMap<>();
        Map<Long, Integer> replacementLines = new HashMap<>();
        List<Integer> addedLines = new ArrayList<>();
        int unchanged = 0;
        for (int i = 0; i < imported.terms().size(); i++) {
            PolicyTerm t = imported.terms().get(i);
            PolicyEntry match = null;
            if (t.id() != null && t.id().matches("[0-9]{1,18}")) match = byId.get(Long.parseLong(t.id()));
            if (match == null) match = byKey.get(key(t.term(), t.pattern()));
            if (match != null && matched.contains(match.id())) match = null; // a second entry for it: add (compile finds duplicates)
            PolicyEntry incoming = new PolicyEntry(match == null ? 0 : match.id(), t.term(), t.pattern(),
                    t.category().strip().toLowerCase(Locale.ROOT), t.severity(), t.embargoUntil(), t.note(), false);
            if (match == null) {
                added.add(incoming);
                addedLines.add(lines.get(i));
            } else {
                matched.add(match.id());
                if (same(match, incoming)) {
                    unchanged++;
                } else {
                    changed.add(new EntryChange(match, incoming));
                    replacements.put(match.id(), incoming);
                }
                replacementLines.put(match.id(), lines.get(i));
            }
        }
        List<PolicyEntry> removed = new ArrayList<>();
        List<PolicyEntry> result = new ArrayList<>();
        List<Integer> resultLines = new ArrayList<>();
        for (PolicyEntry e : stored) {
            if (replace && !matched.contains(e.id())) {
                removed.add(e);
                continue;
            }
            result.add(replacements.getOrDefault(e.id(), e));
            resultLines.add(replacementLines.getOrDefault(e.id(), -1));
        }
        result.addAll(added);
        resultLines.addAll(addedLines);
        List<String> allow;
        List<String> domains;
        if (!withLists) {
            allow = storedAllow;
            domains = storedDomains;
        } else if (replace) {
            allow = distinct(imported.allow());
            domains = distinct(imported.internalDomains());
        } else {
            allow = distinct(concat(storedAllow, imported.allow()));
            domains = distinct(concat(storedDomains, imported.internalDomains()));
        }
        return new Plan(added, changed, removed, unchanged, allow, domains, result, resultLines);
    }

    private static boolean same(PolicyEntry a, PolicyEntry b) {
        return Objects.equals(a.term(), b.term()) && Objects.equals(a.pattern(), b.pattern()) && a.category().equals(b.category())
                && a.severity() == b.severity() && Objects.equals(a.embargoUntil(), b.embargoUntil()) && a.note().equals(b.note());
    }

    /** What makes two entries the same: the pattern as written, or the term's key in the matcher. */
    private static String key(String term, String pattern) {
        if (pattern != null) return "p:" + pattern;
        String k = TermMatcher.key(term);
        return k.isEmpty() ? "t:" + term : "k:" + k;
    }

    /**
     * Applies a previewed import, all or nothing, in one transaction with its audit record; refused when the file
     * had errors or the policy changed since the preview.
     */
    public ImportResult apply(ImportPreview preview) {
        requireManager();
        if (!preview.ok()) throw new ValidationException("import", "policy.import.error.rejected");
        ImportResult result = db.inWrite(tx -> {
            if (version(tx) != preview.baseVersion()) throw new ValidationException("import", "policy.import.error.stale");
            List<Long> addedIds = new ArrayList<>();
            for (PolicyEntry e : preview.added()) addedIds.add(policy.insert(tx, e));
            for (EntryChange c : preview.changed()) policy.update(tx, c.after());
            for (PolicyEntry e : preview.removed()) policy.setRetired(tx, e.id(), true);
            boolean lists = !preview.allowAdded().isEmpty() || !preview.allowRemoved().isEmpty()
                    || !preview.domainsAdded().isEmpty() || !preview.domainsRemoved().isEmpty();
            if (lists) {
                List<String> allow = new ArrayList<>(policy.allowPhrases(tx));
                allow.removeAll(preview.allowRemoved());
                allow.addAll(preview.allowAdded());
                List<String> domains = new ArrayList<>(policy.internalDomains(tx));
                domains.removeAll(preview.domainsRemoved());
                domains.addAll(preview.domainsAdded());
                policy.replaceAllowPhrases(tx, distinct(allow));
                policy.replaceInternalDomains(tx, distinct(domains));
            }
            long v = preview.hasChanges() ? bump(tx) : version(tx);
            audit.record(tx, "policy.import", "policy", null, details("format", preview.format(), "replace", preview.replace(),
                    "added", addedIds.size(), "changed", preview.changed().size(), "removed", preview.removed().size(),
                    "addedIds", cap(addedIds), "changedIds", cap(preview.changed().stream().map(c -> c.before().id()).toList()),
                    "removedIds", cap(preview.removed().stream().map(PolicyEntry::id).toList()),
                    "allowAdded", preview.allowAdded().size(), "allowRemoved", preview.allowRemoved().size(),
                    "domainsAdded", preview.domainsAdded().size(), "domainsRemoved", preview.domainsRemoved().size(),
                    "version", v));
            return new ImportResult(addedIds.size(), preview.changed().size(), preview.removed().size(), v);
        });
        provider.invalidate();
        return result;
    }

    /** The stored policy in the JSON import format (active entries; ids are the stored ids). */
    public String exportJson() {
        requireManager();
        return db.inRead(tx -> PolicyJson.toJson(toPolicy(workspaceName(tx), policy.entries(tx, false), policy.allowPhrases(tx),
                policy.internalDomains(tx)).withFacts(provider.facts(tx))));
    }

    /** Writes the policy to a file (temporary name, then moved into place); recorded. Returns the number of entries. */
    public int exportTo(Path file) {
        requireManager();
        return db.inWrite(tx -> {
            List<PolicyEntry> entries = policy.entries(tx, false);
            String json = PolicyJson.toJson(toPolicy(workspaceName(tx), entries, policy.allowPhrases(tx), policy.internalDomains(tx))
                    .withFacts(provider.facts(tx)));
            audit.record(tx, "policy.export", "policy", null, details("entries", entries.size(), "version", version(tx),
                    "file", file.getFileName() == null ? "" : file.getFileName().toString()));
            ExportFiles.writeText(file, json);
            return entries.size();
        });
    }

    private String workspaceName(Tx tx) {
        return settings.get(tx, WorkspaceService.NAME).map(n -> n + " confidential terms").orElse("Byline policy");
    }

    // ---- test bench ---------------------------------------------------------------------------------------------

    private record BenchPost(Post post, String executive, List<Account> targets, PostVersion version) {}

    /**
     * Runs the stored and the candidate policy over every post in the queue (not final) and in the archive
     * (published) and counts the posts the change would newly flag or stop flagging, with examples. Checks run
     * outside any transaction; {@code cancelled} is polled between posts.
     */
    public BenchResult testBench(Candidate candidate, Progress progress, BooleanSupplier cancelled) {
        requireManager();
        PostChecker before = provider.compile(candidate.before());
        PostChecker after = provider.compile(candidate.after());
        Instant now = clock.instant();
        List<BenchPost> all = db.inRead(tx -> {
            Set<PostState> states = EnumSet.allOf(PostState.class);
            states.removeAll(EnumSet.of(PostState.REJECTED, PostState.WITHDRAWN));
            Map<Long, String> names = new HashMap<>();
            List<BenchPost> out = new ArrayList<>();
            for (Post p : posts.posts(tx, states)) {
                if (p.currentVersionId() == null) continue;
                PostVersion v = posts.version(tx, p.currentVersionId()).orElse(null);
                if (v == null) continue;
                List<Account> targets = new ArrayList<>();
                for (Long id : posts.targets(tx, p.id())) executives.account(tx, id).ifPresent(targets::add);
                String name = names.computeIfAbsent(p.executiveId(), id -> executives.byId(tx, id).map(Executive::name).orElse(""));
                out.add(new BenchPost(p, name, targets, v));
            }
            return out;
        });
        int qNew = 0, qClear = 0, aNew = 0, aClear = 0, done = 0;
        List<BenchExample> newly = new ArrayList<>();
        List<BenchExample> cleared = new ArrayList<>();
        for (BenchPost bp : all) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                return new BenchResult(done, qNew, qClear, aNew, aClear, newly, cleared, true);
            }
            boolean published = bp.post().state() == PostState.PUBLISHED;
            Instant at = published || !bp.post().publishAt().isBefore(now) ? bp.post().publishAt() : now;
            BenchExample gained = null;
            BenchExample lost = null;
            Set<Platform> seen = EnumSet.noneOf(Platform.class);
            for (Account a : bp.targets()) {
                if (!seen.add(a.platform())) continue;
                String text = bp.version().textFor(a.platform());
                Map<String, Finding> old = keyed(before.check(text, a.platform(), at, a));
                Map<String, Finding> fresh = keyed(after.check(text, a.platform(), at, a));
                if (gained == null) {
                    for (var e : fresh.entrySet()) {
                        if (!old.containsKey(e.getKey())) {
                            gained = example(bp, a.platform(), published, text, e.getValue());
                            break;
                        }
                    }
                }
                if (lost == null) {
                    for (var e : old.entrySet()) {
                        if (!fresh.containsKey(e.getKey())) {
                            lost = example(bp, a.platform(), published, text, e.getValue());
                            break;
                        }
                    }
                }
            }
            if (gained != null) {
                if (published) aNew++; else qNew++;
                if (newly.size() < BENCH_EXAMPLES) newly.add(gained);
            }
            if (lost != null) {
                if (published) aClear++; else qClear++;
                if (cleared.size() < BENCH_EXAMPLES) cleared.add(lost);
            }
            done++;
            if (progress != null) progress.update(done, all.size());
        }
        return new BenchResult(done, qNew, qClear, aNew, aClear, newly, cleared, false);
    }

    private static Map<String, Finding> keyed(List<Finding> findings) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.rule().equals(RuleIds.LENGTH)) continue; // the policy does not change lengths
            out.putIfAbsent(f.rule() + "|" + f.start() + "|" + f.end() + "|" + f.severity() + "|" + f.category(), f);
        }
        return out;
    }

    private static BenchExample example(BenchPost bp, Platform p, boolean published, String text, Finding f) {
        return new BenchExample(bp.post().id(), bp.executive(), p, published, snippet(text, f.start(), f.end(), 40), f.category());
    }

    /** The text around a span, on one line, with ellipses where it was cut. */
    public static String snippet(String text, int start, int end, int around) {
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        int from = Math.max(0, s - around);
        int to = Math.min(text.length(), e + around);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) from--;
        if (to < text.length() && to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) to++;
        String out = (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
        return out.replaceAll("\\s+", " ");
    }

    // ---- re-check after a change --------------------------------------------------------------------------------

    /** Posts not yet published (nor rejected or withdrawn) whose findings a policy change may alter. */
    public List<Long> openPostIds() {
        session.require();
        return openIds();
    }

    private List<Long> openIds() {
        return db.inRead(tx -> posts.posts(tx, QueueFilter.open().states()).stream().map(Post::id).toList());
    }

    /**
     * Re-checks a small batch of posts against the current policy, one short transaction each (so the app stays
     * responsive and other writers get their turn). Posts that became final meanwhile are skipped.
     *
     * @return how many were re-checked
     */
    public int recheckBatch(List<Long> postIds) {
        session.require();
        int n = 0;
        for (Long id : postIds) {
            if (Thread.currentThread().isInterrupted()) break;
            Post p = db.inRead(tx -> posts.post(tx, id).orElse(null));
            if (p == null || p.state().isFinal() || p.currentVersionId() == null) continue;
            drafts.recheck(id);
            n++;
        }
        return n;
    }

    /**
     * Whether the cached findings of open posts may be stale: the policy changed since the last full re-check (by
     * this app, another one or the CLI), or an embargo has lifted since then.
     */
    public boolean recheckNeeded() {
        return db.inRead(tx -> {
            long v = version(tx);
            long checked = settings.get(tx, RECHECKED_KEY).map(Long::parseLong).orElse(v);
            if (checked != v) return true;
            Instant since = settings.get(tx, EMBARGO_CHECKED_KEY).map(Instant::parse).orElse(null);
            Instant now = clock.instant();
            for (PolicyEntry e : policy.entries(tx, false)) {
                Instant lift = e.embargoUntil();
                if (lift != null && !lift.isAfter(now) && (since == null || lift.isAfter(since))) return true;
            }
            return false;
        });
    }

    /** Records a completed full re-check against the policy version it started with. */
    public void markRechecked(long version) {
        session.require();
        recordRechecked(version);
    }

    private void recordRechecked(long version) {
        db.inWrite(tx -> {
            settings.put(tx, RECHECKED_KEY, Long.toString(version));
            settings.put(tx, EMBARGO_CHECKED_KEY, clock.instant().toString());
            return null;
        });
    }

    /**
     * Re-checks every open post now (headless use and tests; the app uses a background task with Cancel). Runs for
     * a Legal, Approver or Admin user, or as the system when no one is signed in (the command line).
     */
    public int recheckAll(int batchSize, Progress progress) {
        requireManager();
        long v = version();
        List<Long> ids = openIds();
        int done = 0;
        for (int i = 0; i < ids.size(); i++) {
            drafts.recheckAsSystem(ids.get(i));
            done++;
            if (progress != null && (done % batchSize == 0 || done == ids.size())) progress.update(done, ids.size());
        }
        recordRechecked(v);
        return done;
    }

    // ---- proposals to allow a phrase -------------------------------------------------------------------------

    /** Proposals, newest first (pending only when asked). Legal, Approver and Admin see them. */
    public List<AllowProposal> proposals(boolean pendingOnly) {
        requireManager();
        return db.inRead(tx -> policy.proposals(tx, pendingOnly));
    }

    /** Records a proposal (made from the Risks screen); any signed-in user may propose. */
    long propose(Tx tx, User user, String phrase, Long postId, String fingerprint, String rule, String category, String reason) {
        long id = policy.insertProposal(tx, new AllowProposal(0, phrase, postId, fingerprint, rule, category, reason,
                user.id(), user.displayName(), clock.instant(), AllowProposal.Status.PENDING, null, null, null));
        audit.record(tx, "policy.allow.propose", "allow_proposal", id, details("post", postId, "rule", rule,
                "category", category));
        return id;
    }

    /** Adds the proposed phrase to the allowed phrases (Legal or Admin); recorded; bumps the policy version. */
    public void applyProposal(long id) {
        User user = session.requireAny(Role.LEGAL, Role.ADMIN);
        db.inWrite(tx -> {
            AllowProposal p = policy.proposal(tx, id).orElseThrow(() -> new ValidationException("proposal", "policy.error.notFound"));
            if (!p.pending()) throw new ValidationException("proposal", "risks.proposal.error.decided");
            List<String> allow = new ArrayList<>(policy.allowPhrases(tx));
            boolean present = allow.stream().anyMatch(a -> a.equalsIgnoreCase(p.phrase().strip()));
            if (!present) {
                allow.add(p.phrase().strip());
                validate(policy.entries(tx, false), allow, policy.internalDomains(tx), -1);
                policy.replaceAllowPhrases(tx, allow);
            }
            policy.decideProposal(tx, id, AllowProposal.Status.APPLIED, user.id(), clock.instant());
            long v = present ? version(tx) : bump(tx);
            return audit.record(tx, "policy.allow.apply", "allow_proposal", id, details("post", p.postId(), "version", v));
        });
        provider.invalidate();
    }

    /** Declines a proposal (Legal or Admin); recorded. */
    public void declineProposal(long id) {
        User user = session.requireAny(Role.LEGAL, Role.ADMIN);
        db.inWrite(tx -> {
            AllowProposal p = policy.proposal(tx, id).orElseThrow(() -> new ValidationException("proposal", "policy.error.notFound"));
            if (!policy.decideProposal(tx, id, AllowProposal.Status.DECLINED, user.id(), clock.instant())) {
                throw new ValidationException("proposal", "risks.proposal.error.decided");
            }
            return audit.record(tx, "policy.allow.decline", "allow_proposal", id, details("post", p.postId()));
        });
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static List<String> minus(List<String> a, List<String> b) {
        Set<String> drop = new HashSet<>(b);
        return a.stream().filter(x -> !drop.contains(x)).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> distinct(List<String> items) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String s : new LinkedHashSet<>(items)) if (seen.add(s.toLowerCase(Locale.ROOT))) out.add(s);
        return out;
    }

    private static List<Long> cap(List<Long> ids) {
        return ids.size() <= AUDIT_IDS ? ids : ids.subList(0, AUDIT_IDS);
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
