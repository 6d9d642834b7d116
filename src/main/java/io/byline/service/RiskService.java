package io.byline.service;

import io.byline.domain.Executive;
import io.byline.domain.FindingDecision;
import io.byline.domain.PermissionDeniedException;
import io.byline.domain.Platform;
import io.byline.domain.Post;
import io.byline.domain.PostFinding;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.Role;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;
import io.byline.domain.StorageException;
import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.store.ExecutiveRepository;
import io.byline.store.PostRepository;
import io.byline.store.Transactor;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import io.byline.store.Tx;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Risks list: every open finding of every post not yet published, with the matched text in context, and the
 * actions on them. Overrides and acknowledgements go through {@link ReviewService} (one flow, one set of rules);
 * marking a false positive records a proposal to allow a phrase, which Legal or Admin apply in the policy.
 *
 * <p>Who sees what: Reviewers, Legal, Approvers and Admins see every post's risks; Writers see those of posts they
 * created or wrote into; an Executive sees those of their own posts. Nobody sees policy terms here, only the
 * post's own text, the category and the message.
 */
public final class RiskService {
    /** Characters of context shown on either side of the matched text. */
    public static final int CONTEXT = 48;
    public static final int MAX_PHRASE = PolicyService.MAX_PHRASE;

    /**
     * One open finding.
     *
     * @param matched        the post's own text at the span ("" for findings about the whole post)
     * @param before         text just before it (cut at {@link #CONTEXT} characters, "…" when cut)
     * @param after          text just after it
     * @param canOverride    the signed-in user may override it (Legal or Approver, not an author, BLOCK or WARN)
     * @param canAcknowledge the signed-in user may acknowledge it (a WARN; reviewer roles or the executive; not an author)
     */
    public record Risk(long postId, Platform platform, String rule, Severity severity, String category, String messageKey,
                       String fingerprint, int start, int end, String matched, String before, String after,
                       long executiveId, String executiveName, Instant publishAt, PostState state,
                       boolean canOverride, boolean canAcknowledge) {
        /** The text with the match, on one line. */
        public String context() {
            return before + matched + after;
        }
    }

    /** Identifies a finding for an action. */
    public record RiskRef(long postId, String fingerprint) {
        public static RiskRef of(Risk r) {
            return new RiskRef(r.postId(), r.fingerprint());
        }
    }

    /** The outcome of an action on several findings: each is its own transaction, so some may fail. */
    public record BulkResult(int done, List<Failure> failures) {
        public BulkResult {
            failures = List.copyOf(failures);
        }
    }

    /** One finding an action could not be applied to, and why. */
    public record Failure(RiskRef ref, RuntimeException error) {}

    private final Transactor db;
    private final PostRepository posts;
    private final ExecutiveRepository executives;
    private final ReviewService reviews;
    private final AllowProposalService policy;
    private final Session session;

    public RiskService(Transactor db, PostRepository posts, ExecutiveRepository executives, ReviewService reviews,
                       AllowProposalService policy, Session session) {
        this.db = db;
        this.posts = posts;
        this.executives = executives;
        this.reviews = reviews;
        this.policy = policy;
        this.session = session;
    }

    /** Whether the user sees every post's risks (else only those of their own posts). */
    /** Whether the signed-in user may override blocking findings (Legal, Approver). */
    public boolean canOverride() {
        return session.holdsAny(Role.LEGAL, Role.APPROVER);
    }

    public static boolean seesAll(User u) {
        return u.hasAny(Role.REVIEWER, Role.LEGAL, Role.APPROVER, Role.ADMIN);
    }

    /** Open findings (not overridden or acknowledged) of posts not yet published that the user may see. */
    public List<Risk> openRisks() {
        User user = session.require();
        List<Risk> out = db.inRead(tx -> {
            List<OpenFinding> open = openFindings(tx, user);
            Map<Long, PostVersion> versions = posts.versions(tx, open.stream().map(o -> o.post().currentVersionId()).toList());
            Map<Long, Executive> execs = new HashMap<>();
            List<Risk> risks = new ArrayList<>(open.size());
            for (OpenFinding o : open) {
                Post p = o.post();
                PostFinding f = o.finding();
                PostVersion v = versions.get(p.currentVersionId());
                if (v == null) continue;
                Executive e = execs.computeIfAbsent(p.executiveId(), id -> executives.byId(tx, id).orElseThrow());
                String text = f.platform() == null ? "" : v.textFor(f.platform());
                int s = Math.min(f.start(), text.length());
                int en = Math.max(s, Math.min(f.end(), text.length()));
                boolean notAuthor = !o.editors().contains(user.id());
                boolean canOverride = notAuthor && user.hasAny(Role.LEGAL, Role.APPROVER) && f.severity() != Severity.INFO;
                boolean canAck = notAuthor && f.severity() == Severity.WARN
                        && (user.hasAny(Role.REVIEWER, Role.LEGAL, Role.APPROVER) || (user.has(Role.EXECUTIVE) && o.mine()));
                risks.add(new Risk(p.id(), f.platform(), f.rule(), f.severity(), f.category(), f.messageKey(), f.fingerprint(),
                        s, en, oneLine(text.substring(s, en)), before(text, s), after(text, en), e.id(), e.name(),
                        p.publishAt(), p.state(), canOverride, canAck));
            }
            return risks;
        });
        out.sort(Comparator.comparing(Risk::severity).reversed().thenComparing(Risk::publishAt)
                .thenComparingLong(Risk::postId).thenComparingInt(Risk::start));
        return out;
    }

    /** How many open BLOCK or WARN findings the user sees (the navigation badge). */
    public int openCount() {
        User user = session.require();
        return (int) db.inRead(tx -> openFindings(tx, user)).stream()
                .filter(o -> o.finding().severity() != Severity.INFO).count();
    }

    /** An unresolved finding of a post the user may see, with what decides what the user may do about it. */
    private record OpenFinding(Post post, PostFinding finding, Set<Long> editors, boolean mine) {}

    /**
     * The unresolved findings of posts not yet published that the user sees, once per fingerprint and platform.
     * Reads in bulk (posts, findings, editors, decisions): a few reads per few hundred posts, not three per post,
     * so the navigation badge stays cheap on a large workspace.
     */
    private List<OpenFinding> openFindings(Tx tx, User user) {
        List<Post> open = posts.posts(tx, QueueFilter.open().states());
        Map<Long, List<PostFinding>> cached = new HashMap<>();
        for (PostFinding f : posts.findings(tx, open.stream().map(Post::id).toList())) {
            cached.computeIfAbsent(f.postId(), k -> new ArrayList<>()).add(f);
        }
        List<Post> flagged = open.stream().filter(p -> cached.containsKey(p.id()) && p.currentVersionId() != null).toList();
        List<Long> flaggedIds = flagged.stream().map(Post::id).toList();
        Map<Long, Set<Long>> editorsOf = posts.editors(tx, flaggedIds);
        Map<Long, List<FindingDecision>> decisionsOf = posts.decisions(tx, flaggedIds);
        List<OpenFinding> out = new ArrayList<>();
        for (Post p : flagged) {
            Set<Long> editors = editorsOf.getOrDefault(p.id(), Set.of());
            boolean own = editors.contains(user.id()) || p.createdBy() == user.id();
            boolean mine = user.executiveId() != null && user.executiveId() == p.executiveId();
            if (!seesAll(user) && !own && !mine) continue;
            Set<String> listed = new HashSet<>();
            for (PostFinding f : PostSupport.withDecisions(decisionsOf.getOrDefault(p.id(), List.of()), cached.get(p.id()))) {
                if (f.decision() != null && f.decision().covers(f.severity())) continue;
                if (!listed.add(f.fingerprint() + "/" + f.platform())) continue;
                out.add(new OpenFinding(p, f, editors, mine));
            }
        }
        return out;
    }

    /** Overrides each finding with the same written reason (Legal or Approver; BLOCK and WARN). */
    public BulkResult override(List<RiskRef> refs, String reason) {
        session.requireAny(Role.LEGAL, Role.APPROVER);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < ReviewService.MIN_REASON) throw new ValidationException("reason", "workflow.error.reasonRequired");
        return each(refs, r -> reviews.override(r.postId(), r.fingerprint(), why));
    }

    /** Acknowledges each warning (with an optional note). */
    public BulkResult acknowledge(List<RiskRef> refs, String note) {
        session.require();
        return each(refs, r -> reviews.acknowledge(r.postId(), r.fingerprint(), note));
    }

    private interface Action {
        FindingDecision apply(RiskRef ref);
    }

    private static BulkResult each(List<RiskRef> refs, Action action) {
        int done = 0;
        List<Failure> failures = new ArrayList<>();
        for (RiskRef r : refs) {
            try {
                action.apply(r);
                done++;
            } catch (ValidationException | PermissionDeniedException e) {
                failures.add(new Failure(r, e));
            } catch (StorageException e) {
                failures.add(new Failure(r, e));
                break; // the store is in trouble: stop rather than fail every remaining one
            }
        }
        return new BulkResult(done, failures);
    }

    /**
     * Marks a finding a false positive: records a proposal to allow {@code phrase} (which must contain the matched
     * text, so allowing it would drop this hit). Any user who sees the finding may propose; Legal or Admin decide.
     *
     * @return the proposal's id
     */
    public long markFalsePositive(RiskRef ref, String phrase, String reason) {
        User user = session.require();
        String p = phrase == null ? "" : phrase.strip().replaceAll("\\s+", " ");
        if (p.isEmpty()) throw new ValidationException("phrase", "risks.proposal.error.empty");
        if (p.length() > MAX_PHRASE) throw new ValidationException("phrase", "policy.error.phraseTooLong");
        String why = reason == null ? "" : reason.strip();
        Risk risk = openRisks().stream().filter(r -> r.postId() == ref.postId() && r.fingerprint().equals(ref.fingerprint()))
                .findFirst().orElseThrow(() -> new ValidationException("finding", "findings.error.notFound"));
        if (!risk.rule().equals(RuleIds.LEXICON)) throw new ValidationException("finding", "risks.proposal.error.notLexicon");
        if (!fold(p).contains(fold(risk.matched()))) throw new ValidationException("phrase", "risks.proposal.error.mustContain");
        return db.inWrite(tx -> policy.propose(tx, user, p, risk.postId(), risk.fingerprint(), risk.rule(), risk.category(), why));
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static String before(String text, int s) {
        int from = Math.max(0, s - CONTEXT);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) from++;
        return (from > 0 ? "…" : "") + oneLine(text.substring(from, s));
    }

    private static String after(String text, int e) {
        int to = Math.min(text.length(), e + CONTEXT);
        if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) to--;
        return oneLine(text.substring(e, to)) + (to < text.length() ? "…" : "");
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
