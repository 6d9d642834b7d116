package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.Executive;
import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.Post;
import io.byline.domain.PostFinding;
import io.byline.domain.PostMedia;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.domain.User;
import io.byline.domain.ValidationException;
import io.byline.store.Tx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The drafting desk: create posts for an executive's accounts, autosave, save versions, attach images, compare
 * and restore versions, and submit for review. Writers and Approvers draft; anyone signed in may read.
 *
 * <p>Every change runs in one transaction with its audit record, except {@link #autosave}, which is a scratch
 * copy of the editor's text (saved on every pause in typing so a crash loses nothing) and not a change of the
 * post: it is not audited, and it becomes part of the post only through {@link #save} or {@link #submit}.
 */
public final class DraftService {
    /** Largest image accepted, in bytes. */
    public static final int MAX_MEDIA_BYTES = 5 * 1024 * 1024;
    /** Most images on one post. */
    public static final int MAX_MEDIA_PER_POST = 4;
    /** Longest alt text accepted (X allows 1000 characters). */
    public static final int MAX_ALT_TEXT = 1000;
    /** Shortest reason accepted for submitting with blocking findings. */
    public static final int MIN_REASON = 10;

    /**
     * What a new draft starts with.
     *
     * @param variants per-platform texts replacing the shared text there (optional)
     * @param publishAt planned publish time; the executive's time zone is for display only
     */
    public record NewDraft(long executiveId, List<Long> accountIds, String text, Map<Platform, String> variants,
                           Instant publishAt) {
        public NewDraft {
            accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
            variants = variants == null ? Map.of() : Map.copyOf(variants);
        }
    }

    /**
     * @param versionCreated false when the content equalled the current version (nothing new was written)
     * @param approvalsVoided how many standing approvals the change voided
     */
    public record SaveResult(Post post, PostVersion version, boolean versionCreated, int approvalsVoided) {}

    /** What the submit dialog shows: the findings, those that block, and whether a reason is needed. */
    public record SubmitPreview(List<PostFinding> findings, List<PostFinding> blocking, boolean reasonRequired) {
        public SubmitPreview {
            findings = List.copyOf(findings);
            blocking = List.copyOf(blocking);
        }
    }

    private final PostSupport s;

    DraftService(PostSupport support) {
        this.s = support;
    }

    /** Whether the signed-in user may write drafts (Writer or Approver). */
    public boolean canDraft() {
        return s.session.user().map(u -> u.hasAny(Role.WRITER, Role.APPROVER)).orElse(false);
    }

    private User requireDrafter() {
        return s.session.requireAny(Role.WRITER, Role.APPROVER);
    }

    /** Creates a draft and its first version. */
    public PostDetail create(NewDraft d) {
        User user = requireDrafter();
        Objects.requireNonNull(d, "draft");
        Map<String, String> errors = new LinkedHashMap<>();
        if (d.accountIds().isEmpty()) errors.put("accounts", "compose.error.noAccount");
        if (d.publishAt() == null) errors.put("publishAt", "compose.error.publishAtRequired");
        else if (!d.publishAt().isAfter(s.now())) errors.put("publishAt", "compose.error.publishInPast");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        String text = PostSupport.cleanText(d.text(), "text");
        long id = s.db.inWrite(tx -> {
            Executive exec = s.executives.byId(tx, d.executiveId())
                    .orElseThrow(() -> new ValidationException("executive", "executives.error.notFound"));
            if (exec.retired()) throw new ValidationException("executive", "compose.error.executiveRetired");
            List<Account> accounts = checkAccounts(tx, exec.id(), d.accountIds());
            Map<Platform, String> variants = PostSupport.cleanVariants(d.variants(), text, PostSupport.platforms(accounts));
            long postId = s.posts.insertPost(tx, exec.id(), d.publishAt(), user.id(), s.now());
            s.posts.replaceTargets(tx, postId, d.accountIds());
            s.audit.record(tx, "post.create", "post", postId, PostSupport.details("executive", exec.id(),
                    "accounts", d.accountIds(), "publishAt", d.publishAt().toString()));
            s.commit(tx, user, s.post(tx, postId), text, variants, d.accountIds(), null, "post.version");
            return postId;
        });
        return get(id);
    }

    private List<Account> checkAccounts(Tx tx, long executiveId, List<Long> accountIds) {
        if (accountIds.isEmpty()) throw new ValidationException("accounts", "compose.error.noAccount");
        List<Account> out = new ArrayList<>();
        for (Long id : accountIds) {
            Account a = s.executives.account(tx, id).orElseThrow(() -> new ValidationException("accounts", "accounts.error.notFound"));
            if (a.executiveId() != executiveId) throw new ValidationException("accounts", "compose.error.accountOfOtherExecutive");
            if (a.retired()) throw new ValidationException("accounts", "compose.error.accountRetired");
            out.add(a);
        }
        return out;
    }

    /** The post with its current version, findings, images, approvals and any unsaved autosaved text. */
    public PostDetail get(long postId) {
        s.session.require();
        return s.db.inRead(tx -> detail(tx, postId));
    }

    PostDetail detail(Tx tx, long postId) {
        Post post = s.post(tx, postId);
        PostVersion current = s.current(tx, post);
        List<PostFinding> findings = s.withDecisions(tx, postId, s.posts.findings(tx, List.of(postId)));
        String unsaved = null;
        if (post.workingText() != null) {
            boolean differs = !post.workingText().equals(current.text())
                    || !PostSupport.cleanVariants(post.workingVariants(), post.workingText(), java.util.EnumSet.allOf(Platform.class))
                    .equals(current.variants());
            if (differs) unsaved = post.workingText();
        }
        return new PostDetail(post, s.executive(tx, post), s.targets(tx, postId), current, findings,
                s.posts.mediaOf(tx, postId, false), s.validApprovals(tx, postId, current), s.progress(tx, post, current),
                post.publishAt().minus(s.margin(tx)), unsaved);
    }

    /**
     * Stores the editor's text cheaply, without making a version: call it on every pause in typing. It survives
     * a crash and is offered back by {@link #get} ({@link PostDetail#unsavedText}) and {@link #unsavedWork}.
     * The user becomes one of the post's editors, so they can no longer approve it.
     */
    public void autosave(long postId, String text, Map<Platform, String> variants) {
        User user = requireDrafter();
        String clean = PostSupport.cleanText(text, "text");
        s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            requireEditable(post);
            Map<Platform, String> v = PostSupport.cleanVariants(variants, clean, PostSupport.platforms(s.targets(tx, postId)));
            s.posts.setWorking(tx, postId, clean, v, user.id(), s.now());
            return null;
        });
    }

    /** Posts the signed-in user autosaved text into that was never saved (to offer after a crash). */
    public List<PostDetail> unsavedWork() {
        User user = s.session.require();
        return s.db.inRead(tx -> {
            List<PostDetail> out = new ArrayList<>();
            for (Post p : s.posts.posts(tx, PostState.EDITABLE)) {
                if (p.workingText() == null) continue;
                PostDetail d = detail(tx, p.id());
                if (d.hasUnsavedText() && s.posts.editors(tx, p.id()).contains(user.id())) out.add(d);
            }
            return out;
        });
    }

    /**
     * Saves the text as a new version when it differs from the current one. After approval this voids every
     * approval and returns the post to review.
     */
    public SaveResult save(long postId, String text, Map<Platform, String> variants) {
        User user = requireDrafter();
        String clean = PostSupport.cleanText(text, "text");
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            requireEditable(post);
            List<Long> targets = s.posts.targets(tx, postId);
            Map<Platform, String> v = PostSupport.cleanVariants(variants, clean, PostSupport.platforms(s.targets(tx, postId)));
            PostSupport.Commit c = s.commit(tx, user, post, clean, v, targets, null, "post.version");
            return new SaveResult(c.post(), c.version(), c.created(), c.approvalsVoided());
        });
    }

    /** Changes the accounts the post goes out on (an edit: a new version). */
    public SaveResult setTargets(long postId, List<Long> accountIds) {
        User user = requireDrafter();
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            requireEditable(post);
            List<Account> accounts = checkAccounts(tx, post.executiveId(), accountIds);
            PostVersion cur = s.current(tx, post);
            s.posts.replaceTargets(tx, postId, accountIds);
            Map<Platform, String> v = PostSupport.cleanVariants(cur.variants(), cur.text(), PostSupport.platforms(accounts));
            PostSupport.Commit c = s.commit(tx, user, s.post(tx, postId), cur.text(), v, accountIds, "accounts changed",
                    "post.version");
            return new SaveResult(c.post(), c.version(), c.created(), c.approvalsVoided());
        });
    }

    /**
     * Attaches an image (PNG, JPEG, GIF or WebP, recognised by its content; at most {@link #MAX_MEDIA_BYTES}).
     * An image without alt text raises the {@code media.alt-text} warning. Attaching is an edit (a new version).
     */
    public PostMedia attachMedia(long postId, String fileName, byte[] bytes, String altText) {
        User user = requireDrafter();
        Map<String, String> errors = new LinkedHashMap<>();
        String mime = bytes == null ? null : imageType(bytes);
        if (bytes == null || bytes.length == 0) errors.put("media", "compose.error.mediaEmpty");
        else if (bytes.length > MAX_MEDIA_BYTES) errors.put("media", "compose.error.mediaTooLarge");
        else if (mime == null) errors.put("media", "compose.error.mediaType");
        String alt = altText == null ? "" : PostSupport.cleanText(altText.strip(), "altText");
        if (alt.length() > MAX_ALT_TEXT) errors.put("altText", "compose.error.altTextTooLong");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        String name = cleanFileName(fileName, mime);
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            requireEditable(post);
            if (s.posts.mediaOf(tx, postId, false).size() >= MAX_MEDIA_PER_POST) {
                throw new ValidationException("media", "compose.error.tooManyMedia");
            }
            String sha = io.byline.domain.ContentHash.sha256Hex(bytes);
            long id = s.posts.insertMedia(tx, postId, name, mime, bytes, sha, alt, s.now());
            s.audit.record(tx, "post.media-attach", "post", postId, PostSupport.details("media", id, "sha256", sha,
                    "size", bytes.length, "altText", !alt.isBlank()));
            recommit(tx, user, post, "image added");
            return s.posts.media(tx, id, false).orElseThrow();
        });
    }

    /** Changes an image's alt text (an edit: a new version). */
    public void setAltText(long mediaId, String altText) {
        User user = requireDrafter();
        String alt = altText == null ? "" : PostSupport.cleanText(altText.strip(), "altText");
        if (alt.length() > MAX_ALT_TEXT) throw new ValidationException("altText", "compose.error.altTextTooLong");
        s.db.inWrite(tx -> {
            PostMedia m = s.posts.media(tx, mediaId, false).orElseThrow(() -> new ValidationException("media", "compose.error.mediaNotFound"));
            Post post = s.post(tx, m.postId());
            requireEditable(post);
            s.posts.setAltText(tx, mediaId, alt);
            s.audit.record(tx, "post.media-alt", "post", post.id(), PostSupport.details("media", mediaId, "altText", !alt.isBlank()));
            recommit(tx, user, post, "alt text changed");
            return null;
        });
    }

    public void removeMedia(long mediaId) {
        User user = requireDrafter();
        s.db.inWrite(tx -> {
            PostMedia m = s.posts.media(tx, mediaId, false).orElseThrow(() -> new ValidationException("media", "compose.error.mediaNotFound"));
            Post post = s.post(tx, m.postId());
            requireEditable(post);
            s.posts.removeMedia(tx, mediaId);
            s.audit.record(tx, "post.media-remove", "post", post.id(), PostSupport.details("media", mediaId));
            recommit(tx, user, post, "image removed");
            return null;
        });
    }

    /** The bytes of an attached image, for previews. */
    public byte[] mediaBytes(long mediaId) {
        s.session.require();
        return s.db.inRead(tx -> s.posts.media(tx, mediaId, true).map(PostMedia::bytes)
                .orElseThrow(() -> new ValidationException("media", "compose.error.mediaNotFound")));
    }

    private void recommit(Tx tx, User user, Post post, String note) {
        PostVersion cur = s.current(tx, post);
        s.commit(tx, user, s.post(tx, post.id()), cur.text(), cur.variants(), s.posts.targets(tx, post.id()), note,
                "post.version");
    }

    /** Every version, oldest first. */
    public List<PostVersion> versions(long postId) {
        s.session.require();
        return s.db.inRead(tx -> {
            s.post(tx, postId);
            return s.posts.versions(tx, postId);
        });
    }

    /** The word-level diff between two versions of the same post (either order). */
    public VersionDiff diff(long fromVersionId, long toVersionId) {
        s.session.require();
        return s.db.inRead(tx -> {
            PostVersion from = s.posts.version(tx, fromVersionId).orElseThrow(() -> new ValidationException("version", "versions.error.notFound"));
            PostVersion to = s.posts.version(tx, toVersionId).orElseThrow(() -> new ValidationException("version", "versions.error.notFound"));
            if (from.postId() != to.postId()) throw new ValidationException("version", "versions.error.otherPost");
            return PostSupport.diff(from, to);
        });
    }

    /** Makes an old version's text and variants current again, as a new version (targets and images stay as they are). */
    public SaveResult restore(long postId, long versionId) {
        User user = requireDrafter();
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            requireEditable(post);
            PostVersion old = s.posts.version(tx, versionId).filter(v -> v.postId() == postId)
                    .orElseThrow(() -> new ValidationException("version", "versions.error.notFound"));
            Map<Platform, String> v = PostSupport.cleanVariants(old.variants(), old.text(),
                    PostSupport.platforms(s.targets(tx, postId)));
            PostSupport.Commit c = s.commit(tx, user, post, old.text(), v, s.posts.targets(tx, postId),
                    "restored from version " + old.number(), "post.restore");
            return new SaveResult(c.post(), c.version(), c.created(), c.approvalsVoided());
        });
    }

    /** The findings the submit dialog lists (re-checked now) and whether a reason is required. */
    public SubmitPreview prepareSubmit(long postId) {
        s.session.require();
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            List<PostFinding> findings = s.refreshFindings(tx, post, s.current(tx, post));
            List<PostFinding> blocking = findings.stream()
                    .filter(f -> f.severity() == Severity.BLOCK && f.unresolved()).toList();
            return new SubmitPreview(findings, blocking, !blocking.isEmpty());
        });
    }

    /**
     * Sends a draft (or a post sent back for changes) to review. Unsaved autosaved text is saved first. With
     * blocking findings a written reason is required; reviewers see it.
     */
    public Post submit(long postId, String reason) {
        User user = requireDrafter();
        String why = reason == null ? "" : reason.strip();
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            if (post.state() != PostState.DRAFT && post.state() != PostState.CHANGES_REQUESTED) {
                throw new ValidationException("state", "workflow.error.notSubmittable");
            }
            if (post.workingText() != null) {
                Map<Platform, String> v = PostSupport.cleanVariants(post.workingVariants(), post.workingText(),
                        PostSupport.platforms(s.targets(tx, postId)));
                post = s.commit(tx, user, post, post.workingText(), v, s.posts.targets(tx, postId), null, "post.version").post();
            }
            List<PostFinding> findings = s.refreshFindings(tx, post, s.current(tx, post));
            long blocks = findings.stream().filter(f -> f.severity() == Severity.BLOCK && f.unresolved()).count();
            if (blocks > 0 && why.length() < MIN_REASON) throw new ValidationException("reason", "compose.submit.reasonRequired");
            if (!post.publishAt().minus(s.margin(tx)).isAfter(s.now())) {
                throw new ValidationException("publishAt", "workflow.error.deadlinePassed");
            }
            Instant now = s.now();
            s.posts.setSubmitReason(tx, postId, blocks > 0 ? why : null, now);
            s.posts.setState(tx, postId, PostState.IN_REVIEW, now);
            s.audit.record(tx, "post.submit", "post", postId, PostSupport.details("version", s.current(tx, post).number(),
                    "blocking", blocks, "reasonGiven", blocks > 0));
            return s.post(tx, postId);
        });
    }

    /** Re-checks a post's current version against the current policy and refreshes its cached findings. */
    public List<PostFinding> recheck(long postId) {
        s.session.require();
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            return s.refreshFindings(tx, post, s.current(tx, post));
        });
    }

    /**
     * Re-checks one post for the headless policy import, which runs as the system (no one signed in); a post that
     * became final or has no version is left as it is.
     */
    void recheckAsSystem(long postId) {
        s.db.inWrite(tx -> {
            Post p = s.posts.post(tx, postId).orElse(null);
            return p == null || p.state().isFinal() || p.currentVersionId() == null ? null : s.refreshFindings(tx, p, s.current(tx, p));
        });
    }

    /**
     * Checks unsaved text for the given accounts (live checks while typing). The policy is read in a short
     * transaction; the check itself runs outside it, on the caller's (background) thread.
     */
    public Map<Platform, List<Finding>> liveCheck(String text, Map<Platform, String> variants, List<Long> accountIds,
                                                  Instant publishAt) {
        s.session.require();
        record Setup(PostChecker checker, List<Account> accounts) {}
        Setup setup = s.db.inRead(tx -> {
            List<Account> accounts = new ArrayList<>();
            for (Long id : accountIds) s.executives.account(tx, id).ifPresent(accounts::add);
            return new Setup(s.policy.checker(tx), accounts);
        });
        String shared = text == null ? "" : text;
        Map<Platform, List<Finding>> out = new EnumMap<>(Platform.class);
        for (Account a : setup.accounts()) {
            String t = variants != null && variants.get(a.platform()) != null ? variants.get(a.platform()) : shared;
            out.putIfAbsent(a.platform(), setup.checker().check(t, a.platform(), publishAt, a));
        }
        return out;
    }

    private static void requireEditable(Post post) {
        if (!post.state().isEditable()) throw new ValidationException("state", "workflow.error.notEditable");
    }

    /** The image's type from its first bytes, or null when it is not an accepted image. */
    static String imageType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return "image/jpeg";
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') return "image/gif";
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') return "image/webp";
        return null;
    }

    static String cleanFileName(String fileName, String mime) {
        String n = fileName == null ? "" : fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (n.length() > 200) n = n.substring(n.length() - 200);
        if (n.isEmpty()) n = "image." + mime.substring(mime.indexOf('/') + 1).toLowerCase(Locale.ROOT);
        return n;
    }
}
