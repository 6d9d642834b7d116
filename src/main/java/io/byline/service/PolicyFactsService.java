package io.byline.service;

import io.byline.domain.Platform;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.domain.ValidationException;
import io.byline.store.PolicyFactsRepository;
import io.byline.store.Transactor;
import io.byline.store.Tx;
import io.byline.store.json.PolicyJson;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.DoNotEngage;
import io.byline.validation.Metric;
import io.byline.validation.Policy;
import io.byline.validation.PolicyException;
import io.byline.validation.PolicyFact;
import io.byline.validation.PolicyFacts;
import io.byline.validation.QuietPeriod;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The facts, do-not-engage accounts and quiet periods of the workspace policy: read, add, remove, import from a
 * policy file. Legal, Approver and Admin may change them; every change is checked (the whole result must compile),
 * raises the policy version (so open posts are re-checked) and writes its audit entry in the same transaction.
 * The audit names fact ids, handles and period labels, never a figure.
 */
public final class PolicyFactsService {
    private static final Pattern HANDLE = Pattern.compile("@?[\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\-]{0,99}(?:@[\\p{L}\\p{N}.\\-]{1,200})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    public static final int MAX_TEXT = 200;

    /** A fact as typed: every field text, checked by {@link #addFact}. */
    public record FactDraft(String id, String metric, String value, String currency, String period, String disclosedAt,
                            String tolerance) {}

    /** A do-not-engage account as typed; {@code names} separated by commas, {@code platform} blank for every one. */
    public record EngageDraft(String platform, String handle, String names, String reason, Severity severity) {}

    /** A quiet period as typed (times in UTC, {@code 2026-10-15 00:00} or an ISO-8601 instant). */
    public record PeriodDraft(String label, String from, String to, Severity severity) {}

    /** What is stored after an import; {@code changed} is false when the file had none of the three parts or the same ones. */
    public record ImportResult(int facts, int accounts, int periods, long version, boolean changed) {}

    private final Transactor db;
    private final PolicyFactsRepository repo;
    private final PolicyService policy;
    private final PolicyProvider provider;
    private final AuditService audit;
    private final Session session;

    public PolicyFactsService(Transactor db, PolicyFactsRepository repo, PolicyService policy, PolicyProvider provider,
                              AuditService audit, Session session) {
        this.db = db;
        this.repo = repo;
        this.policy = policy;
        this.provider = provider;
        this.audit = audit;
        this.session = session;
    }

    public boolean canManage() {
        return policy.canManage();
    }

    /** As for the rest of the policy: a signed-in user must be Legal, Approver or Admin; the command line has no user. */
    private void requireManager() {
        if (session.user().isPresent()) session.requireAny(Role.LEGAL, Role.APPROVER, Role.ADMIN);
    }

    /** The stored parts. */
    public PolicyFacts current() {
        requireManager();
        return db.inRead(repo::load).facts();
    }

    // ---- facts --------------------------------------------------------------------------------------------------

    /** Checks a fact as typed; field errors name {@code id}, {@code metric}, {@code value} … */
    public PolicyFact fact(FactDraft d) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        String id = trim(d.id());
        if (id.isEmpty() || id.length() > MAX_TEXT) errors.put("id", "policy.facts.error.id");
        Metric metric = Metric.fromId(d.metric()).orElse(null);
        if (metric == null) errors.put("metric", "policy.facts.error.metric");
        BigDecimal value = null;
        try {
            value = new BigDecimal(trim(d.value()).replace("_", ""));
            if (value.signum() < 0 || value.compareTo(new BigDecimal("1e18")) > 0) value = null;
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null) errors.put("value", "policy.facts.error.value");
        String currency = trim(d.currency()).toUpperCase(Locale.ROOT);
        if (!currency.isEmpty() && !CURRENCY.matcher(currency).matches()) errors.put("currency", "policy.facts.error.currency");
        String period = trim(d.period());
        if (period.length() > MAX_TEXT) errors.put("period", "policy.facts.error.text");
        Instant disclosed = instant(d.disclosedAt());
        if (disclosed == null) errors.put("disclosedAt", "policy.facts.error.instant");
        double tolerance = PolicyFact.DEFAULT_TOLERANCE;
        if (!trim(d.tolerance()).isEmpty()) {
            try {
                tolerance = Double.parseDouble(trim(d.tolerance()).replace(',', '.'));
            } catch (NumberFormatException e) {
                tolerance = -1;
            }
            if (!(tolerance >= 0 && tolerance < 1)) errors.put("tolerance", "policy.facts.error.tolerance");
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new PolicyFact(id, metric, value, currency.isEmpty() ? null : currency, period, disclosed, tolerance);
    }

    public PolicyFacts addFact(FactDraft d) {
        PolicyFact f = fact(d);
        return change("policy.fact.add", Map.of("fact", f.id()), p -> {
            for (PolicyFact x : p.facts()) {
                if (x.id().equals(f.id())) throw new ValidationException("id", "policy.facts.error.duplicate");
            }
            List<PolicyFact> l = new ArrayList<>(p.facts());
            l.add(f);
            return new PolicyFacts(l, p.doNotEngage(), p.quietPeriods());
        });
    }

    public PolicyFacts removeFact(String id) {
        return change("policy.fact.remove", Map.of("fact", id), p -> new PolicyFacts(
                p.facts().stream().filter(f -> !f.id().equals(id)).toList(), p.doNotEngage(), p.quietPeriods()));
    }

    // ---- do-not-engage ------------------------------------------------------------------------------------------

    public DoNotEngage account(EngageDraft d) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        Platform platform = null;
        if (!trim(d.platform()).isEmpty()) {
            platform = Platform.fromId(trim(d.platform()).toLowerCase(Locale.ROOT)).orElse(null);
            if (platform == null) errors.put("platform", "policy.facts.error.platform");
        }
        String handle = trim(d.handle());
        if (!HANDLE.matcher(handle).matches()) errors.put("handle", "policy.facts.error.handle");
        List<String> names = new ArrayList<>();
        for (String n : (d.names() == null ? "" : d.names()).split(",")) {
            String t = n.strip();
            if (t.length() > MAX_TEXT || t.indexOf('\u001f') >= 0) errors.put("names", "policy.facts.error.text");
            if (!t.isEmpty()) names.add(t);
        }
        String reason = trim(d.reason());
        if (reason.length() > MAX_TEXT) errors.put("reason", "policy.facts.error.text");
        if (d.severity() == null) errors.put("severity", "policy.facts.error.severity");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new DoNotEngage(platform, handle, names, reason, d.severity());
    }

    public PolicyFacts addAccount(EngageDraft d) {
        DoNotEngage a = account(d);
        return change("policy.doNotEngage.add", Map.of("handle", a.atHandle()), p -> {
            String key = key(a);
            for (DoNotEngage x : p.doNotEngage()) {
                if (key(x).equals(key)) throw new ValidationException("handle", "policy.facts.error.duplicate");
            }
            List<DoNotEngage> l = new ArrayList<>(p.doNotEngage());
            l.add(a);
            return new PolicyFacts(p.facts(), l, p.quietPeriods());
        });
    }

    public PolicyFacts removeAccount(DoNotEngage a) {
        return change("policy.doNotEngage.remove", Map.of("handle", a.atHandle()), p -> new PolicyFacts(p.facts(),
                p.doNotEngage().stream().filter(x -> !x.equals(a)).toList(), p.quietPeriods()));
    }

    private static String key(DoNotEngage a) {
        return (a.platform() == null ? "*" : a.platform().id()) + " " + a.atHandle().toLowerCase(Locale.ROOT);
    }

    // ---- quiet periods ------------------------------------------------------------------------------------------

    public QuietPeriod period(PeriodDraft d) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        String label = trim(d.label());
        if (label.isEmpty() || label.length() > MAX_TEXT) errors.put("label", "policy.facts.error.label");
        Instant from = instant(d.from()), to = instant(d.to());
        if (from == null) errors.put("from", "policy.facts.error.instant");
        if (to == null) errors.put("to", "policy.facts.error.instant");
        if (from != null && to != null && !from.isBefore(to)) errors.put("to", "policy.facts.error.fromNotBeforeTo");
        if (d.severity() == null) errors.put("severity", "policy.facts.error.severity");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new QuietPeriod(label, from, to, d.severity());
    }

    public PolicyFacts addPeriod(PeriodDraft d) {
        QuietPeriod q = period(d);
        return change("policy.quietPeriod.add", Map.of("period", q.label()), p -> {
            for (QuietPeriod x : p.quietPeriods()) {
                if (x.label().equalsIgnoreCase(q.label())) throw new ValidationException("label", "policy.facts.error.duplicate");
            }
            List<QuietPeriod> l = new ArrayList<>(p.quietPeriods());
            l.add(q);
            return new PolicyFacts(p.facts(), p.doNotEngage(), l);
        });
    }

    public PolicyFacts removePeriod(QuietPeriod q) {
        return change("policy.quietPeriod.remove", Map.of("period", q.label()), p -> new PolicyFacts(p.facts(), p.doNotEngage(),
                p.quietPeriods().stream().filter(x -> !x.equals(q)).toList()));
    }

    // ---- import and the test bench ------------------------------------------------------------------------------

    /**
     * Replaces the parts the file has (a policy file in the JSON format; its terms are left to the policy import),
     * all or nothing. A part the file does not have is kept.
     *
     * @throws ValidationException {@code import}: the file's problem, with its line and column
     */
    public ImportResult importFile(Path file) {
        requireManager();
        PolicyFacts read;
        try {
            read = PolicyJson.read(file).policy().facts();
        } catch (PolicyException e) {
            throw new ValidationException("import", "policy.facts.import.error", List.of(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            throw new ValidationException("import", "policy.facts.import.error", List.of(e.getClass().getSimpleName()));
        }
        PolicyFacts in = read;
        PolicyFacts now = current();
        PolicyFacts merged = new PolicyFacts(in.facts().isEmpty() ? now.facts() : in.facts(),
                in.doNotEngage().isEmpty() ? now.doNotEngage() : in.doNotEngage(),
                in.quietPeriods().isEmpty() ? now.quietPeriods() : in.quietPeriods());
        if (merged.equals(now)) {
            return new ImportResult(now.facts().size(), now.doNotEngage().size(), now.quietPeriods().size(), policy.version(), false);
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        long[] version = new long[1];
        PolicyFacts stored = change("policy.facts.import", Map.of("file", name, "facts", in.facts().size(), "accounts",
                in.doNotEngage().size(), "periods", in.quietPeriods().size()), p -> new PolicyFacts(
                in.facts().isEmpty() ? p.facts() : in.facts(), in.doNotEngage().isEmpty() ? p.doNotEngage() : in.doNotEngage(),
                in.quietPeriods().isEmpty() ? p.quietPeriods() : in.quietPeriods()), version);
        return new ImportResult(stored.facts().size(), stored.doNotEngage().size(), stored.quietPeriods().size(), version[0], true);
    }

    /** The stored policy and the policy with {@code next} as its facts, accounts and periods, for the test bench. */
    public PolicyService.Candidate candidate(PolicyFacts next) {
        requireManager();
        return db.inRead(tx -> {
            PolicyProvider.Snapshot before = provider.snapshot(tx);
            return new PolicyService.Candidate(before, before.withFacts(next, "candidate"));
        });
    }

    /** The stored parts with one fact added (not saved): for "what would this new fact change?". */
    public PolicyFacts withFact(FactDraft d) {
        PolicyFact f = fact(d);
        PolicyFacts p = current();
        List<PolicyFact> l = new ArrayList<>(p.facts().stream().filter(x -> !x.id().equals(f.id())).toList());
        l.add(f);
        return new PolicyFacts(l, p.doNotEngage(), p.quietPeriods());
    }

    /** The stored parts with one quiet period added (not saved). */
    public PolicyFacts withPeriod(PeriodDraft d) {
        QuietPeriod q = period(d);
        PolicyFacts p = current();
        List<QuietPeriod> l = new ArrayList<>(p.quietPeriods());
        l.add(q);
        return new PolicyFacts(p.facts(), p.doNotEngage(), l);
    }

    /** The stored parts with one account added (not saved). */
    public PolicyFacts withAccount(EngageDraft d) {
        DoNotEngage a = account(d);
        PolicyFacts p = current();
        List<DoNotEngage> l = new ArrayList<>(p.doNotEngage());
        l.add(a);
        return new PolicyFacts(p.facts(), l, p.quietPeriods());
    }

    // ---- the one way a change is saved --------------------------------------------------------------------------

    private PolicyFacts change(String type, Map<String, ?> details, UnaryOperator<PolicyFacts> edit) {
        return change(type, details, edit, new long[1]);
    }

    private PolicyFacts change(String type, Map<String, ?> details, UnaryOperator<PolicyFacts> edit, long[] version) {
        requireManager();
        PolicyFacts result = db.inWrite(tx -> {
            PolicyFacts next = edit.apply(repo.load(tx).facts());
            check(next);
            repo.replace(tx, next);
            long v = policy.bumpVersion(tx);
            version[0] = v;
            Map<String, Object> d = new java.util.LinkedHashMap<>(details);
            d.put("version", v);
            audit.record(tx, type, "policy", null, d);
            return next;
        });
        provider.invalidate();
        return result;
    }

    /** The whole result must compile (handles that fold to nothing, duplicate fact ids). */
    private static void check(PolicyFacts next) {
        Set<String> ids = new HashSet<>();
        for (PolicyFact f : next.facts()) {
            if (!ids.add(f.id())) throw new ValidationException("id", "policy.facts.error.duplicate");
        }
        try {
            CompiledPolicy.compile(Policy.empty().withFacts(next));
        } catch (PolicyException e) {
            throw new ValidationException("handle", "policy.facts.error.handle");
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /** An ISO-8601 instant, or {@code yyyy-MM-dd HH:mm} or {@code yyyy-MM-dd} in UTC; null when neither. */
    static Instant instant(String s) {
        String t = trim(s);
        if (t.isEmpty()) return null;
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // try the shorter forms
        }
        try {
            return LocalDateTime.parse(t, MINUTES).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // and the date alone
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** How the screens show a time in these forms ({@code 2026-10-15 00:00}, UTC). */
    public static String format(Instant t) {
        return MINUTES.withZone(ZoneOffset.UTC).format(t);
    }
}
