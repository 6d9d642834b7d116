package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.Approval;
import io.byline.domain.ApprovalChain;
import io.byline.domain.ApprovalStep;
import io.byline.domain.Capacity;
import io.byline.domain.ContentHash;
import io.byline.domain.Executive;
import io.byline.domain.Finding;
import io.byline.domain.FindingDecision;
import io.byline.domain.Platform;
import io.byline.domain.Post;
import io.byline.domain.PostFinding;
import io.byline.domain.PostMedia;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;
import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.store.ApprovalRepository;
import io.byline.store.ExecutiveRepository;
import io.byline.store.NotificationRepository;
import io.byline.store.PostRepository;
import io.byline.store.SettingsRepository;
import io.byline.store.Transactor;
import io.byline.store.Tx;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the post services share: loading, the content commit that makes versions (and voids approvals),
 * findings with their fingerprints, the effective approval chain, deadlines and notifications. Every method
 * takes the caller's transaction; none checks permissions (the public services do).
 */
final class PostSupport {
    static final String MARGIN_KEY = "approval.marginMinutes";
    static final String ATTENTION_KEY = "approval.attentionHours";
    static final Duration DEFAULT_MARGIN = Duration.ofHours(1);
    static final Duration DEFAULT_ATTENTION = Duration.ofHours(24);
    /** Longest text accepted (any platform's limit is far below; this is a guard against pasted books). */
    static final int MAX_TEXT_CHARS = 100_000;

    final Transactor db;
    final PostRepository posts;
    final ApprovalRepository approvals;
    final ExecutiveRepository executives;
    final NotificationRepository notifications;
    final SettingsRepository settings;
    final PolicyProvider policy;
    final AuditService audit;
    final Session session;
    final Clock clock;

    PostSupport(Transactor db, PostRepository posts, ApprovalRepository approvals, ExecutiveRepository executives,
                NotificationRepository notifications, SettingsRepository settings, PolicyProvider policy, AuditService audit,
                Session session, Clock clock) {
        this.db = db;
        this.posts = posts;
        this.approvals = approvals;
        this.executives = executives;
        this.notifications = notifications;
        this.settings = settings;
        this.policy = policy;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    Post post(Tx tx, long id) {
        return posts.post(tx, id).orElseThrow(() -> new ValidationException("post", "posts.error.notFound"));
    }

    PostVersion current(Tx tx, Post post) {
        if (post.currentVersionId() == null) throw new IllegalStateException("post " + post.id() + " has no version");
        return posts.version(tx, post.currentVersionId()).orElseThrow();
    }

    Executive executive(Tx tx, Post post) {
        return executives.byId(tx, post.executiveId()).orElseThrow();
    }

    List<Account> targets(Tx tx, long postId) {
        List<Account> out = new ArrayList<>();
        for (Long id : posts.targets(tx, postId)) executives.account(tx, id).ifPresent(out::add);
        return out;
    }

    // ---- text hygiene -------------------------------------------------------------------------------------

    /** Replaces lone surrogates (which no file or database can keep) with U+FFFD; refuses huge texts. */
    static String cleanText(String text, String field) {
        String t = text == null ? "" : text;
        if (t.length() > MAX_TEXT_CHARS) throw new ValidationException(field, "compose.error.textTooLong");
        StringBuilder sb = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean lone = io.byline.validation.TextChecks.isLoneSurrogate(t, i);
            if (Character.isHighSurrogate(c) && !lone) {
                if (sb != null) sb.append(c).append(t.charAt(i + 1));
                i++;
                continue;
            }
            if (lone && sb == null) sb = new StringBuilder(t.substring(0, i));
            if (sb != null) sb.append(lone ? '\uFFFD' : c);
        }
        return sb == null ? t : sb.toString();
    }

    /** Variants cleaned: only for targeted platforms, not blank, not equal to the shared text. */
    static Map<Platform, String> cleanVariants(Map<Platform, String> variants, String shared, Set<Platform> targeted) {
        Map<Platform, String> out = new EnumMap<>(Platform.class);
        if (variants == null) return out;
        variants.forEach((p, v) -> {
            if (p == null || v == null || !targeted.contains(p)) return;
            String c = cleanText(v, "variant." + p.id());
            if (!c.isBlank() && !c.equals(shared)) out.put(p, c);
        });
        return out;
    }

    static Set<Platform> platforms(List<Account> accounts) {
        Set<Platform> out = EnumSet.noneOf(Platform.class);
        accounts.forEach(a -> out.add(a.platform()));
        return out;
    }

    // ---- versions -------------------------------------------------------------------------------------------

    record Commit(Post post, PostVersion version, boolean created, int approvalsVoided) {}

    /**
     * Makes the given content current. When it differs from the current version (text, variants, targets or
     * images), a new version is written by {@code user}, every standing approval is voided and a post under
     * review, approved or scheduled returns to review; the findings are recomputed and the audit record written.
     */
    Commit commit(Tx tx, User user, Post post, String text, Map<Platform, String> variants, List<Long> accountIds,
                  String note, String auditType) {
        Instant now = now();
        List<PostMedia> media = posts.mediaOf(tx, post.id(), false);
        List<PostVersion.MediaRef> refs = media.stream().map(PostMedia::ref).toList();
        List<Long> accounts = accountIds.stream().distinct().sorted().toList();
        String hash = ContentHash.of(text, variants, accounts, refs);
        PostVersion cur = post.currentVersionId() == null ? null : current(tx, post);
        if (cur != null && cur.hash().equals(hash)) {
            if (post.workingText() != null) posts.setCurrentVersion(tx, post.id(), cur.id(), now);
            return new Commit(post(tx, post.id()), cur, false, 0);
        }
        int number = cur == null ? 1 : cur.number() + 1;
        PostVersion draft = new PostVersion(0, post.id(), number, text, variants, accounts, refs, hash, user.id(),
                user.displayName(), now, note);
        long id = posts.insertVersion(tx, draft);
        List<Approval> standing = approvals.approvals(tx, post.id(), false);
        int voided = approvals.voidApprovals(tx, post.id(), "edited", now);
        posts.setCurrentVersion(tx, post.id(), id, now);
        if (post.state() == PostState.APPROVED || post.state() == PostState.SCHEDULED) {
            posts.setState(tx, post.id(), PostState.IN_REVIEW, now);
        }
        Post updated = post(tx, post.id());
        PostVersion version = posts.version(tx, id).orElseThrow();
        List<PostFinding> findings = refreshFindings(tx, updated, version);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", number);
        details.put("hash", hash);
        details.put("approvalsVoided", voided);
        details.put("worst", worst(findings) == null ? "PASS" : worst(findings).name());
        if (note != null) details.put("note", note);
        if (updated.state() != post.state()) details.put("state", updated.state().name());
        audit.record(tx, auditType, "post", post.id(), details);
        if (voided > 0) {
            notifySigners(tx, post.id(), standing, "notification.post.approvalVoided", List.of(String.valueOf(post.id())));
        }
        return new Commit(updated, version, true, voided);
    }

    // ---- findings -------------------------------------------------------------------------------------------

    /** Checks the version for every target with the current policy; fingerprints each finding. No decisions attached. */
    List<PostFinding> computeFindings(Tx tx, Post post, PostVersion version, Instant publishAt) {
        PostChecker checker = policy.checker(tx);
        List<Account> targets = targets(tx, post.id());
        List<PostFinding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Account account : targets) {
            Platform p = account.platform();
            String text = version.textFor(p);
            List<Finding> found = new ArrayList<>(checker.check(text, p, publishAt, account));
            found.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
            Map<String, Integer> occurrences = new HashMap<>();
            for (Finding f : found) {
                String key = fingerprintKey(f, text, p);
                int n = occurrences.merge(key, 1, Integer::sum) - 1;
                String fp = ContentHash.sha256Hex(key + "\u0000" + n);
                if (!seen.add(p.id() + "/" + fp)) continue;
                out.add(new PostFinding(post.id(), p, f.rule(), f.severity(), f.start(), f.end(), f.category(), f.termId(),
                        f.messageKey(), fp, null));
            }
        }
        for (PostMedia m : posts.mediaOf(tx, post.id(), false)) {
            if (!m.hasAltText()) {
                out.add(new PostFinding(post.id(), null, RuleIds.MEDIA_ALT_TEXT, Severity.WARN, 0, 0, "media", null,
                        "finding.media.altText", ContentHash.sha256Hex(RuleIds.MEDIA_ALT_TEXT + "\u0000" + m.id()), null));
            }
        }
        return out;
    }

    /**
     * What identifies a finding across edits: its rule, policy entry and matched text (folded), plus the platform
     * for rules about the platform rather than the words (length, disclosure).
     */
    static String fingerprintKey(Finding f, String text, Platform p) {
        if (f.rule().equals(RuleIds.LENGTH)) return RuleIds.LENGTH + "\u0000" + p.id();
        String matched = f.end() <= text.length() ? text.substring(f.start(), f.end()) : String.valueOf(f.text());
        String folded = Normalizer.normalize(matched, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        String platformPart = f.rule().startsWith(RuleIds.DISCLOSURE) ? p.id() : "";
        return f.rule() + "\u0000" + (f.termId() == null ? "" : f.termId()) + "\u0000" + folded + "\u0000" + platformPart;
    }

    /** Recomputes and caches the findings of the post's current version; returns them with decisions. */
    List<PostFinding> refreshFindings(Tx tx, Post post, PostVersion version) {
        List<PostFinding> fresh = computeFindings(tx, post, version, checkedAt(post.publishAt()));
        posts.replaceFindings(tx, post.id(), fresh);
        return withDecisions(tx, post.id(), fresh);
    }

    /**
     * The time a post is checked for: its planned publish time, or now when that has passed (it cannot go out
     * earlier than now, so an embargo that has lifted by now no longer applies).
     */
    Instant checkedAt(Instant publishAt) {
        Instant now = now();
        return publishAt.isBefore(now) ? now : publishAt;
    }

    List<PostFinding> withDecisions(Tx tx, long postId, List<PostFinding> findings) {
        return withDecisions(posts.decisions(tx, postId), findings);
    }

    /** The findings with the latest of the given decisions (oldest first) on each fingerprint. */
    static List<PostFinding> withDecisions(List<FindingDecision> decisions, List<PostFinding> findings) {
        Map<String, FindingDecision> latest = new HashMap<>();
        for (FindingDecision d : decisions) latest.put(d.fingerprint(), d);
        List<PostFinding> out = new ArrayList<>(findings.size());
        for (PostFinding f : findings) out.add(f.withDecision(latest.get(f.fingerprint())));
        return out;
    }

    static Severity worst(List<PostFinding> findings) {
        Severity w = null;
        for (PostFinding f : findings) w = Severity.worst(w, f.severity());
        return w;
    }

    /** Unresolved findings, one per fingerprint (the same term on several platforms is one decision). */
    static List<PostFinding> unresolved(List<PostFinding> findings) {
        Map<String, PostFinding> out = new LinkedHashMap<>();
        for (PostFinding f : findings) if (f.unresolved()) out.putIfAbsent(f.fingerprint(), f);
        return List.copyOf(out.values());
    }

    // ---- chains ---------------------------------------------------------------------------------------------

    List<ApprovalStep> chainSteps(Tx tx, long executiveId, Capacity capacity) {
        return approvals.chain(tx, executiveId, capacity).orElseGet(() -> ApprovalChain.defaultSteps(capacity));
    }

    /**
     * The chain a post needs: the chain of each capacity among its targets, merged. A post aimed at official and
     * personal accounts needs the union: the shortest sequence of steps containing both chains in their order, a
     * step present in both (same roles, same rule) counted once. With the defaults that is communications
     * director → legal → executive.
     */
    List<ApprovalStep> effectiveChain(Tx tx, Post post) {
        Set<Capacity> capacities = EnumSet.noneOf(Capacity.class);
        for (Account a : targets(tx, post.id())) capacities.add(a.capacity());
        if (capacities.isEmpty()) capacities.add(Capacity.OFFICIAL);
        List<ApprovalStep> merged = null;
        for (Capacity c : capacities) {
            List<ApprovalStep> steps = chainSteps(tx, post.executiveId(), c);
            merged = merged == null ? steps : merge(merged, steps);
        }
        return merged;
    }

    /** Shortest common supersequence of two step lists (by LCS over {@link ApprovalStep#sameRequirement}). */
    static List<ApprovalStep> merge(List<ApprovalStep> a, List<ApprovalStep> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).sameRequirement(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<ApprovalStep> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).sameRequirement(b.get(j))) {
                out.add(a.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        while (i < n) out.add(a.get(i++));
        while (j < m) out.add(b.get(j++));
        return out;
    }

    /** Approvals that count for the version: standing, for this version, with its exact hash. */
    List<Approval> validApprovals(Tx tx, long postId, PostVersion version) {
        return approvals.approvals(tx, postId, false).stream()
                .filter(a -> a.valid() && a.versionId() == version.id() && a.versionHash().equals(version.hash()))
                .toList();
    }

    ChainProgress progress(Tx tx, Post post, PostVersion version) {
        return ChainProgress.evaluate(effectiveChain(tx, post), validApprovals(tx, post.id(), version));
    }

    // ---- deadlines ------------------------------------------------------------------------------------------

    Duration margin(Tx tx) {
        return settings.get(tx, MARGIN_KEY).map(s -> Duration.ofMinutes(Long.parseLong(s))).orElse(DEFAULT_MARGIN);
    }

    Duration attentionWindow(Tx tx) {
        return settings.get(tx, ATTENTION_KEY).map(s -> Duration.ofHours(Long.parseLong(s))).orElse(DEFAULT_ATTENTION);
    }

    // ---- people ---------------------------------------------------------------------------------------------

    /** The post's authors: whoever created it and whoever wrote one of its versions. */
    Set<Long> authors(Tx tx, Post post) {
        Set<Long> out = new LinkedHashSet<>();
        out.add(post.createdBy());
        for (PostVersion v : posts.versions(tx, post.id())) out.add(v.authorId());
        return out;
    }

    void notifyAuthors(Tx tx, Post post, String key, List<String> args) {
        Instant now = now();
        for (Long u : authors(tx, post)) notifications.insert(tx, u, key, args, post.id(), now);
    }

    /** Tells the signers of approvals that were just voided. */
    void notifySigners(Tx tx, long postId, List<Approval> voided, String key, List<String> args) {
        Instant now = now();
        Set<Long> told = new HashSet<>();
        for (Approval a : voided) {
            if (told.add(a.userId())) notifications.insert(tx, a.userId(), key, args, postId, now);
        }
    }

    /** Whether a user may sign for an executive in a role: only the executive's own user signs as EXECUTIVE. */
    static boolean maySignAs(User user, io.byline.domain.Role role, Post post) {
        if (!user.has(role)) return false;
        return role != io.byline.domain.Role.EXECUTIVE || (user.executiveId() != null && user.executiveId() == post.executiveId());
    }

    /** The word-level diff between two versions (from may be null: everything is new). */
    static VersionDiff diff(PostVersion from, PostVersion to) {
        String oldText = from == null ? "" : from.text();
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        if (from != null) platforms.addAll(from.variants().keySet());
        platforms.addAll(to.variants().keySet());
        Map<Platform, List<io.byline.domain.WordDiff.Segment>> variants = new EnumMap<>(Platform.class);
        for (Platform p : platforms) {
            variants.put(p, io.byline.domain.WordDiff.diff(from == null ? "" : from.textFor(p), to.textFor(p)));
        }
        return new VersionDiff(from == null ? 0 : from.number(), to.number(), io.byline.domain.WordDiff.diff(oldText, to.text()),
                variants);
    }

    static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
