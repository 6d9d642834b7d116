package io.byline.service;

import io.byline.domain.Approval;
import io.byline.domain.ApprovalStep;
import io.byline.domain.Comment;
import io.byline.domain.DecisionKind;
import io.byline.domain.Executive;
import io.byline.domain.FindingDecision;
import io.byline.domain.PermissionDeniedException;
import io.byline.domain.Post;
import io.byline.domain.PostFinding;
import io.byline.domain.PostMove;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.store.Tx;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The review workflow: signatures bound to the exact version, overrides and acknowledgements of findings, sending
 * back, rejecting, withdrawing, rescheduling and deadlines. Approval chains are {@link ChainService}'s, the queue
 * {@link QueueService}'s.
 *
 * <p>Rules enforced here (and, where cheap, by database triggers):
 * <ul>
 *   <li>Nobody who wrote into a post (created it, saved a version or autosaved text) signs it, overrides or
 *       acknowledges its findings.</li>
 *   <li>Steps are signed in order. A step naming {@link Role#EXECUTIVE} is signed only by the post's own
 *       executive. One person gives at most one signature per version, so an {@link io.byline.domain.StepRule#ALL}
 *       step needs a different person for each of its roles.</li>
 *   <li>An approval names the current version and its hash; any later edit voids all of them and the post returns to
 *       review.</li>
 *   <li>Approval needs every BLOCK finding overridden (Legal or Approver, with a reason) and every WARN acknowledged,
 *       checked against the current policy at the moment of signing.</li>
 *   <li>A post must be fully approved before its publish time minus the approval margin; {@link #expireOverdue}
 *       moves those that were not to EXPIRED and tells their authors.</li>
 * </ul>
 */
public final class ReviewService {
    /** Shortest reason accepted for an override, a rejection or a request for changes. */
    public static final int MIN_REASON = 10;
    private static final int MAX_COMMENT = 5000;

    /**
     * What the signed-in user may do with a post now: the detail pane enables its buttons from this.
     *
     * @param approveAs       the role the user would sign as, or null when they cannot approve
     * @param approveBlockKey why they cannot approve (a bundle key), or null when they can
     */
    public record Actions(boolean canEdit, boolean canSubmit, boolean canApprove, Role approveAs, String approveBlockKey,
                          boolean canRequestChanges, boolean canReject, boolean canWithdraw, boolean canOverride,
                          boolean canAcknowledge, boolean canReschedule, boolean canComment) {}

    /** @param fullyApproved the signature completed the chain and the post is now APPROVED */
    public record ApproveResult(Post post, Approval approval, boolean fullyApproved) {}

    /** @param newFindings findings the new time brought (an embargo now applies); they voided the approvals */
    public record RescheduleResult(Post post, int approvalsVoided, List<PostFinding> newFindings) {
        public RescheduleResult {
            newFindings = List.copyOf(newFindings);
        }
    }

    private record SignCheck(Role role, String problemKey) {
        boolean ok() {
            return problemKey == null;
        }
    }

    private final PostSupport s;
    private final QueueService queue;

    ReviewService(PostSupport support) {
        this.s = support;
        this.queue = new QueueService(support, this);
    }

    // ---- who may ----------------------------------------------------------------------------------------------

    /**
     * Whether the signed-in user may move posts at all: Writers (their own), Approvers, and executives (posts whose
     * final step they sign). Each move is checked per post.
     */
    public boolean canReschedule() {
        return s.session.holdsAny(Role.WRITER, Role.APPROVER, Role.EXECUTIVE);
    }

    /** The chain this post needs (the union when it targets official and personal accounts). */
    public List<ApprovalStep> effectiveChain(long postId) {
        s.session.require();
        return s.db.inRead(tx -> s.effectiveChain(tx, s.post(tx, postId)));
    }

    public ChainProgress progress(long postId) {
        s.session.require();
        return s.db.inRead(tx -> {
            Post p = s.post(tx, postId);
            return s.progress(tx, p, s.current(tx, p));
        });
    }

    // ---- what may the user do -------------------------------------------------------------------------------

    public Actions actions(long postId) {
        User u = s.session.require();
        return s.db.inRead(tx -> {
            Post post = s.post(tx, postId);
            PostVersion v = s.current(tx, post);
            List<PostFinding> findings = s.withDecisions(tx, postId, s.posts.findings(tx, List.of(postId)));
            SignCheck sign = signCheck(tx, u, post, v, s.progress(tx, post, v), findings);
            boolean drafter = u.hasAny(Role.WRITER, Role.APPROVER);
            boolean editor = s.posts.editors(tx, postId).contains(u.id());
            boolean reviewer = !editor && mayReview(tx, u, post);
            boolean open = !post.state().isFinal();
            boolean inReview = EnumSet.of(PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED).contains(post.state());
            return new Actions(drafter && post.state().isEditable(),
                    drafter && (post.state() == PostState.DRAFT || post.state() == PostState.CHANGES_REQUESTED),
                    sign.ok(), sign.ok() ? sign.role() : null, sign.problemKey(),
                    (reviewer || (!editor && u.has(Role.REVIEWER))) && inReview, reviewer && inReview,
                    open && (post.createdBy() == u.id() || u.hasAny(Role.APPROVER, Role.ADMIN)),
                    open && !editor && u.hasAny(Role.LEGAL, Role.APPROVER),
                    open && !editor && mayAcknowledge(u, post),
                    mayMove(tx, u, post) && (post.state().isEditable() || post.state() == PostState.EXPIRED),
                    true);
        });
    }

    /** Whether the user may sign the post's current step now (findings aside: the queue shows them). */
    boolean maySignNow(Tx tx, User user, Post post) {
        PostVersion v = s.current(tx, post);
        return signCheck(tx, user, post, v, s.progress(tx, post, v), null).ok();
    }

    QueueService queueService() {
        return queue;
    }

    private SignCheck signCheck(Tx tx, User user, Post post, PostVersion version, ChainProgress progress,
                                List<PostFinding> findings) {
        if (post.state() != PostState.IN_REVIEW) return new SignCheck(null, "workflow.error.notInReview");
        if (s.posts.editors(tx, post.id()).contains(user.id())) return new SignCheck(null, "workflow.error.ownPost");
        Optional<ChainProgress.StepProgress> step = progress.current();
        if (step.isEmpty()) return new SignCheck(null, "workflow.error.alreadyApproved");
        boolean signed = s.validApprovals(tx, post.id(), version).stream().anyMatch(a -> a.userId() == user.id());
        if (signed) return new SignCheck(null, "workflow.error.alreadySigned");
        Role role = new TreeSet<>(step.get().missingRoles()).stream().filter(r -> PostSupport.maySignAs(user, r, post))
                .findFirst().orElse(null);
        if (role == null) return new SignCheck(null, "workflow.error.notYourStep");
        if (!post.publishAt().minus(s.margin(tx)).isAfter(s.now())) return new SignCheck(null, "workflow.error.deadlinePassed");
        if (findings != null && !PostSupport.unresolved(findings).isEmpty()) {
            return new SignCheck(null, "workflow.error.unresolvedFindings");
        }
        return new SignCheck(role, null);
    }

    /** Reviewers of a post: anyone who may sign some step of its chain, and Approvers. */
    private boolean mayReview(Tx tx, User u, Post post) {
        if (u.has(Role.APPROVER)) return true;
        for (ApprovalStep st : s.effectiveChain(tx, post)) {
            for (Role r : st.roles()) if (PostSupport.maySignAs(u, r, post)) return true;
        }
        return false;
    }

    private static boolean mayAcknowledge(User u, Post post) {
        return u.hasAny(Role.REVIEWER, Role.LEGAL, Role.APPROVER) || PostSupport.maySignAs(u, Role.EXECUTIVE, post);
    }

    // ---- transitions ----------------------------------------------------------------------------------------

    /**
     * Signs the current step for the current version. Refused (with {@link PermissionDeniedException}) for anyone
     * who wrote into the post or may not sign this step, and (with {@link ValidationException}) while findings are
     * unresolved, after the deadline, or when the post is not in review.
     */
    public ApproveResult approve(long postId) {
        User user = s.session.require();
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            PostVersion v = s.current(tx, post);
            List<PostFinding> findings = s.refreshFindings(tx, post, v);
            ChainProgress before = s.progress(tx, post, v);
            SignCheck check = signCheck(tx, user, post, v, before, findings);
            if (!check.ok()) {
                String key = check.problemKey();
                if (key.equals("workflow.error.ownPost") || key.equals("workflow.error.notYourStep")
                        || key.equals("workflow.error.alreadySigned")) {
                    throw new PermissionDeniedException(user.displayName() + " may not approve this post (" + key + ").");
                }
                throw new ValidationException("approval", key);
            }
            ChainProgress.StepProgress step = before.current().orElseThrow();
            Instant now = s.now();
            Approval draft = new Approval(0, postId, v.id(), v.hash(), step.ordinal(), step.step().name(), check.role(),
                    user.id(), user.displayName(), now, null, null);
            long id = s.approvals.insertApproval(tx, draft);
            s.posts.markSeen(tx, postId, user.id(), v.id(), now);
            ChainProgress after = s.progress(tx, post, v);
            boolean complete = after.complete();
            if (complete) {
                s.posts.setState(tx, postId, PostState.APPROVED, now);
                s.notifyAuthors(tx, post, "notification.post.approved", List.of(String.valueOf(postId)));
            }
            s.audit.record(tx, "post.approve", "post", postId, PostSupport.details("version", v.number(), "hash", v.hash(),
                    "step", step.ordinal(), "stepName", step.step().name(), "role", check.role().name(), "complete", complete));
            Approval saved = s.approvals.approvals(tx, postId, false).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
            return new ApproveResult(s.post(tx, postId), saved, complete);
        });
    }

    /**
     * Sends the post back to its writer with a reason (kept as a comment); standing approvals are voided. Anyone who
     * may sign a step of the post's chain, Approvers and Reviewers may do this (not the post's own writers).
     */
    public Post requestChanges(long postId, String reason) {
        return sendBack(postId, reason, PostState.CHANGES_REQUESTED, "post.request-changes", "notification.post.changesRequested");
    }

    /** Refuses the post for good, with a reason (kept as a comment): signers of its chain and Approvers. */
    public Post reject(long postId, String reason) {
        return sendBack(postId, reason, PostState.REJECTED, "post.reject", "notification.post.rejected");
    }

    private Post sendBack(long postId, String reason, PostState to, String auditType, String notification) {
        User user = s.session.require();
        String why = requireReason(reason);
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            if (!EnumSet.of(PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED).contains(post.state())) {
                throw new ValidationException("state", "workflow.error.notInReview");
            }
            boolean allowed = mayReview(tx, user, post) || (to == PostState.CHANGES_REQUESTED && user.has(Role.REVIEWER));
            if (s.posts.editors(tx, postId).contains(user.id()) || !allowed) {
                throw new PermissionDeniedException(user.displayName() + " may not review this post.");
            }
            Instant now = s.now();
            int voided = s.approvals.voidApprovals(tx, postId, to == PostState.REJECTED ? "rejected" : "changes requested", now);
            s.posts.setState(tx, postId, to, now);
            s.posts.insertComment(tx, postId, user.id(), why, now);
            s.notifyAuthors(tx, post, notification, List.of(String.valueOf(postId)));
            s.audit.record(tx, auditType, "post", postId, PostSupport.details("from", post.state().name(),
                    "approvalsVoided", voided));
            return s.post(tx, postId);
        });
    }

    /** Takes a post out of the workflow for good (its creator, an Approver or an Admin). */
    public Post withdraw(long postId, String reason) {
        User user = s.session.require();
        String why = reason == null ? "" : reason.strip();
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            if (post.state().isFinal()) throw new ValidationException("state", "workflow.error.final");
            if (post.createdBy() != user.id() && !user.hasAny(Role.APPROVER, Role.ADMIN)) {
                throw new PermissionDeniedException(user.displayName() + " may not withdraw this post.");
            }
            Instant now = s.now();
            int voided = s.approvals.voidApprovals(tx, postId, "withdrawn", now);
            s.posts.setState(tx, postId, PostState.WITHDRAWN, now);
            if (!why.isEmpty()) s.posts.insertComment(tx, postId, user.id(), why, now);
            s.audit.record(tx, "post.withdraw", "post", postId, PostSupport.details("from", post.state().name(),
                    "approvalsVoided", voided));
            return s.post(tx, postId);
        });
    }

    /**
     * Moves a post to a new publish time. An approval covers the publish time as well as the text: moving a post
     * voids its standing approvals and sends an approved or scheduled post back to review, as an edit does, unless
     * whoever moves it could sign its final step themselves. The findings are re-checked at the new time (an embargo
     * may now apply); findings that stop approval void the approvals whoever moved it. An expired post is reopened
     * as a draft. Writers move only posts they wrote; Approvers and the final step's signers move any. Every move is
     * kept ({@link #moves}) and audited.
     */
    public RescheduleResult reschedule(long postId, Instant publishAt) {
        User user = s.session.require();
        if (publishAt == null) throw new ValidationException("publishAt", "compose.error.publishAtRequired");
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            boolean finalSigner = maySignFinalStep(tx, user, post);
            if (!mayMove(tx, user, post)) {
                throw new PermissionDeniedException(user.displayName() + " may not move this post.");
            }
            if (!post.state().isEditable() && post.state() != PostState.EXPIRED) {
                throw new ValidationException("state", "workflow.error.notEditable");
            }
            Instant now = s.now();
            if (!publishAt.isAfter(now)) throw new ValidationException("publishAt", "compose.error.publishInPast");
            boolean awaiting = PostState.AWAITING_APPROVAL.contains(post.state()) || post.state() == PostState.EXPIRED;
            if (awaiting && !publishAt.minus(s.margin(tx)).isAfter(now)) {
                throw new ValidationException("publishAt", "workflow.error.deadlinePassed");
            }
            PostVersion v = s.current(tx, post);
            Set<String> before = new HashSet<>();
            for (PostFinding f : PostSupport.unresolved(s.withDecisions(tx, postId, s.computeFindings(tx, post, v, post.publishAt())))) {
                before.add(f.fingerprint());
            }
            List<PostFinding> after = s.withDecisions(tx, postId, s.computeFindings(tx, post, v, publishAt));
            List<PostFinding> fresh = PostSupport.unresolved(after).stream().filter(f -> !before.contains(f.fingerprint())).toList();
            boolean moved = !publishAt.equals(post.publishAt());
            s.posts.setPublishAt(tx, postId, publishAt, now);
            s.posts.replaceFindings(tx, postId, after);
            int voided = 0;
            PostState state = post.state();
            String voidReason = !fresh.isEmpty() ? "rescheduled into an embargo" : moved && !finalSigner ? "rescheduled" : null;
            if (voidReason != null && EnumSet.of(PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED).contains(state)) {
                List<Approval> standing = s.approvals.approvals(tx, postId, false);
                voided = s.approvals.voidApprovals(tx, postId, voidReason, now);
                if (state != PostState.IN_REVIEW) s.posts.setState(tx, postId, PostState.IN_REVIEW, now);
                s.notifySigners(tx, postId, standing, "notification.post.approvalVoided", List.of(String.valueOf(postId)));
            } else if (state == PostState.EXPIRED) {
                s.posts.setState(tx, postId, PostState.DRAFT, now);
            }
            if (moved) {
                s.posts.insertMove(tx, new PostMove(0, postId, post.publishAt(), publishAt, user.id(), user.displayName(), now,
                        voided));
            }
            s.audit.record(tx, "post.reschedule", "post", postId, PostSupport.details("from", post.publishAt().toString(),
                    "to", publishAt.toString(), "newFindings", fresh.size(), "approvalsVoided", voided, "by", user.id(),
                    "approvalsKept", voided == 0 && finalSigner && !s.approvals.approvals(tx, postId, false).isEmpty()));
            return new RescheduleResult(s.post(tx, postId), voided, fresh);
        });
    }

    /** Approvers, the post's own writers, and whoever could sign its final step may move it. */
    private boolean mayMove(Tx tx, User user, Post post) {
        return user.has(Role.APPROVER) || (user.has(Role.WRITER) && s.authors(tx, post).contains(user.id()))
                || maySignFinalStep(tx, user, post);
    }

    /** Whether the user could sign the post's final step: holds one of its roles and never wrote into the post. */
    private boolean maySignFinalStep(Tx tx, User user, Post post) {
        List<ApprovalStep> chain = s.effectiveChain(tx, post);
        if (chain.isEmpty() || s.posts.editors(tx, post.id()).contains(user.id())) return false;
        return chain.get(chain.size() - 1).roles().stream().anyMatch(r -> PostSupport.maySignAs(user, r, post));
    }

    /** The moves of the post's publish time, oldest first. */
    public List<PostMove> moves(long postId) {
        s.session.require();
        return s.db.inRead(tx -> {
            s.post(tx, postId);
            return s.posts.moves(tx, postId);
        });
    }

    /** The moves of the post's publish time since the signed-in user last looked at it (all of them if never). */
    public List<PostMove> movesSinceLastSeen(long postId) {
        User user = s.session.require();
        return s.db.inRead(tx -> {
            s.post(tx, postId);
            Optional<Instant> seen = s.posts.lastSeenAt(tx, postId, user.id());
            return s.posts.moves(tx, postId).stream().filter(m -> seen.isEmpty() || m.at().isAfter(seen.get())).toList();
        });
    }

    // ---- findings -------------------------------------------------------------------------------------------

    /** The current version's findings with their overrides and acknowledgements. */
    public List<PostFinding> findings(long postId) {
        s.session.require();
        return s.db.inRead(tx -> s.withDecisions(tx, postId, s.posts.findings(tx, List.of(postId))));
    }

    /** Overrides a blocking finding (Legal or Approver, not an author of the post), with a written reason. */
    public FindingDecision override(long postId, String fingerprint, String reason) {
        User user = s.session.requireAny(Role.LEGAL, Role.APPROVER);
        String why = requireReason(reason);
        return decide(user, postId, fingerprint, DecisionKind.OVERRIDE, why);
    }

    /** Acknowledges a warning (Reviewer, Legal, Approver or the post's executive; not an author). */
    public FindingDecision acknowledge(long postId, String fingerprint, String note) {
        User user = s.session.require();
        return decide(user, postId, fingerprint, DecisionKind.ACKNOWLEDGE, note == null ? "" : note.strip());
    }

    private FindingDecision decide(User user, long postId, String fingerprint, DecisionKind kind, String reason) {
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            if (post.state().isFinal()) throw new ValidationException("state", "workflow.error.final");
            if (kind == DecisionKind.ACKNOWLEDGE && !mayAcknowledge(user, post)) {
                throw new PermissionDeniedException(user.displayName() + " may not acknowledge findings of this post.");
            }
            if (s.posts.editors(tx, postId).contains(user.id())) {
                throw new PermissionDeniedException(user.displayName() + " wrote into this post and may not clear its findings.");
            }
            PostVersion v = s.current(tx, post);
            PostFinding f = s.refreshFindings(tx, post, v).stream().filter(x -> x.fingerprint().equals(fingerprint)).findFirst()
                    .orElseThrow(() -> new ValidationException("finding", "findings.error.notFound"));
            if (f.severity() == Severity.INFO) throw new ValidationException("finding", "findings.error.nothingToDecide");
            if (kind == DecisionKind.ACKNOWLEDGE && f.severity() == Severity.BLOCK) {
                throw new ValidationException("finding", "findings.error.blockNeedsOverride");
            }
            Instant now = s.now();
            FindingDecision d = new FindingDecision(0, postId, fingerprint, f.rule(), f.termId(), f.severity(), kind, reason,
                    user.id(), user.displayName(), v.id(), now);
            long id = s.posts.insertDecision(tx, d);
            s.audit.record(tx, kind == DecisionKind.OVERRIDE ? "finding.override" : "finding.acknowledge", "post", postId,
                    PostSupport.details("fingerprint", fingerprint, "rule", f.rule(), "termId", f.termId(),
                            "severity", f.severity().name(), "version", v.number()));
            return s.posts.decisions(tx, postId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        });
    }

    // ---- comments and "what changed" ------------------------------------------------------------------------

    public Comment comment(long postId, String text) {
        User user = s.session.require();
        String t = text == null ? "" : PostSupport.cleanText(text.strip(), "comment");
        if (t.isEmpty()) throw new ValidationException("comment", "comments.error.empty");
        if (t.length() > MAX_COMMENT) throw new ValidationException("comment", "comments.error.tooLong");
        return s.db.inWrite(tx -> {
            s.post(tx, postId);
            long id = s.posts.insertComment(tx, postId, user.id(), t, s.now());
            s.audit.record(tx, "post.comment", "post", postId, PostSupport.details("comment", id));
            return s.posts.comments(tx, postId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        });
    }

    public List<Comment> comments(long postId) {
        s.session.require();
        return s.db.inRead(tx -> s.posts.comments(tx, postId));
    }

    /**
     * What changed since the signed-in user last looked at the post (their last {@link #markSeen} or approval);
     * against nothing when they never did.
     */
    public VersionDiff diffSinceLastSeen(long postId) {
        User user = s.session.require();
        return s.db.inRead(tx -> {
            Post post = s.post(tx, postId);
            PostVersion current = s.current(tx, post);
            PostVersion seen = s.posts.lastSeenVersion(tx, postId, user.id()).flatMap(id -> s.posts.version(tx, id)).orElse(null);
            return PostSupport.diff(seen, current);
        });
    }

    /** Records that the signed-in user has seen the current version. */
    public void markSeen(long postId) {
        User user = s.session.require();
        s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            s.posts.markSeen(tx, postId, user.id(), s.current(tx, post).id(), s.now());
            return null;
        });
    }

    // ---- deadlines ------------------------------------------------------------------------------------------

    /**
     * Moves every post not fully approved by its deadline (publish time minus the margin) to EXPIRED, voids its
     * approvals and tells its authors. Any signed-in user's app runs it (the queue badge does, periodically); it is
     * recorded as the system's doing and always judges by the service's own clock, never by a time the caller gives.
     *
     * @return how many posts expired
     */
    public int expireOverdue() {
        s.session.require();
        Instant now = s.now();
        return s.db.inWrite(tx -> {
            Duration margin = s.margin(tx);
            int n = 0;
            for (Post p : s.posts.posts(tx, PostState.AWAITING_APPROVAL)) {
                if (p.publishAt().minus(margin).isAfter(now)) continue;
                s.approvals.voidApprovals(tx, p.id(), "expired", now);
                s.posts.setState(tx, p.id(), PostState.EXPIRED, now);
                Executive e = s.executive(tx, p);
                s.notifyAuthors(tx, p, "notification.post.expired",
                        List.of(String.valueOf(p.id()), e.name(), p.publishAt().toString()));
                s.audit.recordAs(tx, null, "system", "post.expire", "post", p.id(), PostSupport.details(
                        "from", p.state().name(), "publishAt", p.publishAt().toString(), "deadline", p.publishAt().minus(margin).toString()));
                n++;
            }
            return n;
        });
    }

    /** How long before its publish time a post must be fully approved. */
    public Duration approvalMargin() {
        return s.db.inRead(s::margin);
    }

    public void setApprovalMargin(Duration margin) {
        s.session.requireAny(Role.APPROVER, Role.ADMIN);
        if (margin == null || margin.isNegative() || margin.toDays() > 30) {
            throw new ValidationException("margin", "settings.error.margin");
        }
        s.db.inWrite(tx -> {
            s.settings.put(tx, PostSupport.MARGIN_KEY, Long.toString(margin.toMinutes()));
            return s.audit.record(tx, "settings.approval-margin", "workspace", null, PostSupport.details("minutes", margin.toMinutes()));
        });
    }

    private static String requireReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON) throw new ValidationException("reason", "workflow.error.reasonRequired");
        return why;
    }
}
