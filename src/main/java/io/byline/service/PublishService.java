package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.Approval;
import io.byline.domain.ContentHash;
import io.byline.domain.Executive;
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
import io.byline.store.ExportFiles;
import io.byline.store.Tx;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The final gate and the hand-over. Byline holds no network credentials: "publishing" re-checks the post, hands its
 * text over (clipboard, JSON, scheduler CSV) and records that it went live.
 *
 * <p>The gate ({@link #gate}) passes only when the post is APPROVED or SCHEDULED, its stored text still hashes to
 * the version's hash, its targets and images are those of that version, every step of its chain holds a standing
 * approval of exactly that hash by someone who never wrote into the post, and a fresh check with the
 * <em>current</em> policy finds no BLOCK without an override and no WARN without an acknowledgement.
 *
 * <p>Scheduler CSV formats (see {@code docs/exports.md} for sources):
 * <ul>
 *   <li>{@link CsvFormat#HOOTSUITE}: Hootsuite's bulk composer takes one file per social profile, three columns and
 *       no header: date and time ({@code MM/dd/yyyy HH:mm}, 24-hour, as chosen in the upload dialog), message, and an
 *       optional link; UTF-8; at most 350 messages.</li>
 *   <li>{@link CsvFormat#BUFFER}: Buffer's bulk upload takes one file per channel with the header
 *       {@code Text,Image URL,Tags,Posting Time}, times as {@code yyyy-MM-dd HH:mm}.</li>
 *   <li>{@link CsvFormat#BYLINE}: one file with every target and the version hash, for other tools.</li>
 * </ul>
 * Times are written in the executive's time zone; set the scheduler's profile to the same zone.
 */
public final class PublishService {
    /** Hootsuite's limit of messages in one bulk upload. */
    private static final Role[] EXPORTERS = {Role.WRITER, Role.APPROVER, Role.ADMIN};
    public static final int HOOTSUITE_MAX_ROWS = 350;

    /** Why the gate refused. */
    public enum ProblemCode {
        /** The post is not approved (or scheduled). */
        STATE,
        /** The post has no (active) account to go out on. */
        NO_TARGETS,
        /** A target account was retired. */
        ACCOUNT_RETIRED,
        /** The stored text no longer hashes to its version's hash. */
        HASH_MISMATCH,
        /** Targets or images changed since the version was saved. */
        CONTENT_CHANGED,
        /** A standing approval names another version or hash. */
        STALE_APPROVAL,
        /** A step of the chain lacks a standing approval of the current hash. */
        STEP_UNSIGNED,
        /** An approval was given by someone who wrote into the post. */
        SELF_APPROVAL,
        /** The current policy finds a BLOCK with no override. */
        BLOCK_FINDING,
        /** The current policy finds a WARN with no acknowledgement. */
        UNACKNOWLEDGED_WARNING,
        /**
         * Scheduler CSV only: the text, which the scheduler publishes as it stands, starts like a spreadsheet formula
         * ({@code = + - @}, tab or CR), so the file could run it when opened; a leading word fixes it.
         */
        FORMULA_TEXT
    }

    /** One reason for refusing, with a bundle key and its arguments (never a confidential term's text). */
    public record GateProblem(ProblemCode code, String messageKey, List<String> args) {
        public GateProblem {
            args = List.copyOf(args);
        }
    }

    /** The gate's verdict on a post. */
    public record GateResult(long postId, List<GateProblem> problems, int versionNumber, String versionHash,
                             List<PostFinding> findings) {
        public GateResult {
            problems = List.copyOf(problems);
            findings = List.copyOf(findings);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** @param post the post after the attempt (unchanged when refused) */
    public record PublishResult(GateResult gate, Post post) {
        public boolean done() {
            return gate.ok();
        }
    }

    /** The text for one account, ready for the clipboard. */
    public record HandoverText(long accountId, Platform platform, String handle, String text) {}

    /** @param texts empty when the gate refused */
    public record Handover(GateResult gate, List<HandoverText> texts) {
        public Handover {
            texts = List.copyOf(texts);
        }
    }

    public enum CsvFormat { HOOTSUITE, BUFFER, BYLINE }

    /**
     * @param files    the files written
     * @param exported posts written
     * @param refused  posts left out, with the gate's reasons
     * @param warnings things to check by hand (images to attach, times a scheduler may refuse)
     */
    public record ExportResult(List<Path> files, List<Long> exported, Map<Long, GateResult> refused, List<String> warnings) {
        public ExportResult {
            files = List.copyOf(files);
            exported = List.copyOf(exported);
            refused = Map.copyOf(refused);
            warnings = List.copyOf(warnings);
        }
    }

    private final PostSupport s;

    PublishService(PostSupport support) {
        this.s = support;
    }

    /** Whether the signed-in user may export posts for a scheduler (Writer, Approver, Admin). */
    public boolean canExport() {
        return s.session.holdsAny(EXPORTERS);
    }

    /** The gate's verdict, without changing anything. */
    public GateResult gate(long postId) {
        s.session.require();
        return s.db.inRead(tx -> gate(tx, s.post(tx, postId)));
    }

    GateResult gate(Tx tx, Post post) {
        List<GateProblem> problems = new ArrayList<>();
        if (post.state() != PostState.APPROVED && post.state() != PostState.SCHEDULED) {
            problems.add(new GateProblem(ProblemCode.STATE, "publish.problem.state", List.of(post.state().name())));
        }
        PostVersion v = s.current(tx, post);
        List<Account> targets = s.targets(tx, post.id());
        if (targets.isEmpty()) problems.add(new GateProblem(ProblemCode.NO_TARGETS, "publish.problem.noTargets", List.of()));
        for (Account a : targets) {
            if (a.retired()) {
                problems.add(new GateProblem(ProblemCode.ACCOUNT_RETIRED, "publish.problem.accountRetired",
                        List.of(a.platform().id(), a.handle())));
            }
        }
        if (!ContentHash.of(v.text(), v.variants(), v.accountIds(), v.media()).equals(v.hash())) {
            problems.add(new GateProblem(ProblemCode.HASH_MISMATCH, "publish.problem.hashMismatch", List.of(String.valueOf(v.number()))));
        }
        List<PostVersion.MediaRef> media = s.posts.mediaOf(tx, post.id(), false).stream().map(PostMedia::ref).toList();
        List<Long> accounts = s.posts.targets(tx, post.id()).stream().sorted().toList();
        if (!ContentHash.of(v.text(), v.variants(), accounts, media).equals(v.hash())) {
            problems.add(new GateProblem(ProblemCode.CONTENT_CHANGED, "publish.problem.contentChanged", List.of()));
        }
        for (Approval a : s.approvals.approvals(tx, post.id(), false)) {
            if (a.versionId() != v.id() || !a.versionHash().equals(v.hash())) {
                problems.add(new GateProblem(ProblemCode.STALE_APPROVAL, "publish.problem.staleApproval",
                        List.of(a.stepName(), a.userName())));
            }
        }
        List<Approval> valid = s.validApprovals(tx, post.id(), v);
        ChainProgress progress = ChainProgress.evaluate(s.effectiveChain(tx, post), valid);
        for (ChainProgress.StepProgress st : progress.steps()) {
            if (!st.done()) {
                problems.add(new GateProblem(ProblemCode.STEP_UNSIGNED, "publish.problem.stepUnsigned", List.of(st.step().name())));
            }
        }
        Set<Long> editors = s.posts.editors(tx, post.id());
        for (Approval a : valid) {
            if (editors.contains(a.userId())) {
                problems.add(new GateProblem(ProblemCode.SELF_APPROVAL, "publish.problem.selfApproval", List.of(a.userName())));
            }
        }
        List<PostFinding> findings = s.withDecisions(tx, post.id(), s.computeFindings(tx, post, v, post.publishAt()));
        for (PostFinding f : PostSupport.unresolved(findings)) {
            String where = f.platform() == null ? "" : f.platform().id();
            String term = f.termId() == null ? "" : f.termId();
            if (f.severity() == Severity.BLOCK) {
                problems.add(new GateProblem(ProblemCode.BLOCK_FINDING, "publish.problem.block", List.of(f.rule(), term, where)));
            } else {
                problems.add(new GateProblem(ProblemCode.UNACKNOWLEDGED_WARNING, "publish.problem.warn", List.of(f.rule(), term, where)));
            }
        }
        return new GateResult(post.id(), problems, v.number(), v.hash(), findings);
    }

    /**
     * Publishes: runs the gate and, when it passes, marks the post PUBLISHED with its live URL (optional; an
     * http(s) link on one of the post's platforms). A refusal is recorded in the audit log and returned with reasons.
     */
    public PublishResult publish(long postId, String liveUrl) {
        User user = s.session.requireAny(Role.WRITER, Role.APPROVER);
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            GateResult gate = gate(tx, post);
            if (!gate.ok()) {
                s.audit.record(tx, "post.publish-refused", "post", postId, PostSupport.details("codes",
                        gate.problems().stream().map(p -> p.code().name()).distinct().toList()));
                return new PublishResult(gate, post);
            }
            String url = liveUrl == null || liveUrl.isBlank() ? null
                    : validateLiveUrl(liveUrl, PostSupport.platforms(s.targets(tx, postId)));
            Instant now = s.now();
            s.posts.replaceFindings(tx, postId, gate.findings());
            s.posts.setPublished(tx, postId, url, now);
            s.notifyAuthors(tx, post, "notification.post.published", List.of(String.valueOf(postId)));
            s.audit.record(tx, "post.publish", "post", postId, PostSupport.details("version", gate.versionNumber(),
                    "hash", gate.versionHash(), "url", url, "by", user.id()));
            return new PublishResult(gate, s.post(tx, postId));
        });
    }

    /** Marks an approved post as handed to a scheduler, after the gate. */
    public PublishResult markScheduled(long postId) {
        s.session.requireAny(Role.WRITER, Role.APPROVER);
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            GateResult gate = gate(tx, post);
            if (!gate.ok() || post.state() != PostState.APPROVED) {
                if (gate.ok()) {
                    gate = new GateResult(postId, List.of(new GateProblem(ProblemCode.STATE, "publish.problem.state",
                            List.of(post.state().name()))), gate.versionNumber(), gate.versionHash(), gate.findings());
                }
                return new PublishResult(gate, post);
            }
            s.posts.setState(tx, postId, PostState.SCHEDULED, s.now());
            s.audit.record(tx, "post.schedule", "post", postId, PostSupport.details("version", gate.versionNumber(),
                    "hash", gate.versionHash()));
            return new PublishResult(gate, s.post(tx, postId));
        });
    }

    /** Records (or corrects) the live URL of a published post. */
    public Post setLiveUrl(long postId, String liveUrl) {
        s.session.requireAny(Role.WRITER, Role.APPROVER);
        return s.db.inWrite(tx -> {
            Post post = s.post(tx, postId);
            if (post.state() != PostState.PUBLISHED) throw new ValidationException("state", "publish.error.notPublished");
            String url = validateLiveUrl(liveUrl, PostSupport.platforms(s.targets(tx, postId)));
            s.posts.setLiveUrl(tx, postId, url, s.now());
            s.audit.record(tx, "post.live-url", "post", postId, PostSupport.details("url", url));
            return s.post(tx, postId);
        });
    }

    /** The text for each target account, when the gate passes (for "copy to clipboard"). */
    public Handover handover(long postId) {
        s.session.require();
        return s.db.inRead(tx -> {
            Post post = s.post(tx, postId);
            GateResult gate = gate(tx, post);
            if (!gate.ok()) return new Handover(gate, List.of());
            PostVersion v = s.current(tx, post);
            List<HandoverText> texts = new ArrayList<>();
            for (Account a : s.targets(tx, postId)) texts.add(new HandoverText(a.id(), a.platform(), a.handle(), v.textFor(a.platform())));
            return new Handover(gate, texts);
        });
    }

    /** Posts that may be exported now: approved or scheduled. (Each is still gated when exported.) */
    public List<Long> exportable() {
        s.session.require();
        return s.db.inRead(tx -> s.posts.posts(tx, EnumSet.of(PostState.APPROVED, PostState.SCHEDULED)).stream()
                .map(Post::id).toList());
    }

    private record Row(Post post, Executive executive, PostVersion version, List<Account> targets, List<PostMedia> media,
                       GateResult gate) {}

    private record Gathered(List<Row> rows, Map<Long, GateResult> refused) {}

    private Gathered gather(Collection<Long> postIds) {
        return s.db.inRead(tx -> {
            List<Row> rows = new ArrayList<>();
            Map<Long, GateResult> refused = new TreeMap<>();
            for (Long id : postIds) {
                Post p = s.post(tx, id);
                GateResult g = gate(tx, p);
                if (!g.ok()) {
                    refused.put(id, g);
                    continue;
                }
                rows.add(new Row(p, s.executive(tx, p), s.current(tx, p), s.targets(tx, id), s.posts.mediaOf(tx, id, false), g));
            }
            rows.sort((a, b) -> a.post().publishAt().compareTo(b.post().publishAt()));
            return new Gathered(rows, refused);
        });
    }

    /**
     * Exports gated posts as one JSON document (written to a temporary file, then moved into place). Findings are
     * included only when asked (S5), and then without matched text.
     */
    public ExportResult exportJson(Collection<Long> postIds, Path file, boolean includeFindings) {
        s.session.requireAny(EXPORTERS);
        Gathered g = gather(postIds);
        List<Object> posts = new ArrayList<>();
        for (Row r : g.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.post().id());
            m.put("executive", r.executive().name());
            m.put("timeZone", r.executive().timeZone());
            m.put("publishAt", r.post().publishAt().toString());
            m.put("publishAtLocal", ZonedDateTime.ofInstant(r.post().publishAt(), zone(r.executive())).toOffsetDateTime().toString());
            m.put("state", r.post().state().name());
            m.put("version", r.version().number());
            m.put("versionHash", r.version().hash());
            List<Object> targets = new ArrayList<>();
            for (Account a : r.targets()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("platform", a.platform().id());
                t.put("handle", a.handle());
                t.put("capacity", a.capacity().name());
                t.put("text", r.version().textFor(a.platform()));
                targets.add(t);
            }
            m.put("targets", targets);
            List<Object> media = new ArrayList<>();
            for (PostMedia pm : r.media()) {
                media.add(new LinkedHashMap<>(Map.of("fileName", pm.fileName(), "mimeType", pm.mimeType(), "sha256", pm.sha256(),
                        "altText", pm.altText())));
            }
            m.put("media", media);
            List<Object> approvals = new ArrayList<>();
            for (Approval a : s.db.inRead(tx -> s.validApprovals(tx, r.post().id(), r.version()))) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("step", a.stepName());
                am.put("role", a.role().name());
                am.put("by", a.userName());
                am.put("at", a.at().toString());
                approvals.add(am);
            }
            m.put("approvals", approvals);
            if (includeFindings) {
                List<Object> fs = new ArrayList<>();
                for (PostFinding f : r.gate().findings()) {
                    Map<String, Object> fm = new LinkedHashMap<>();
                    fm.put("platform", f.platform() == null ? null : f.platform().id());
                    fm.put("rule", f.rule());
                    fm.put("severity", f.severity().name());
                    fm.put("start", f.start());
                    fm.put("end", f.end());
                    fm.put("category", f.category());
                    fm.put("termId", f.termId());
                    fm.put("decision", f.decision() == null ? null : f.decision().kind().name());
                    fs.add(fm);
                }
                m.put("findings", fs);
            }
            posts.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "byline-posts");
        doc.put("formatVersion", 1);
        doc.put("exportedAt", s.now().toString());
        doc.put("posts", posts);
        ExportFiles.writeJson(file, doc);
        List<Long> ids = g.rows().stream().map(r -> r.post().id()).toList();
        recordExport("json", ids, List.of(file));
        return new ExportResult(List.of(file), ids, g.refused(), List.of());
    }

    /**
     * Exports gated posts as scheduler CSV. For {@link CsvFormat#HOOTSUITE} and {@link CsvFormat#BUFFER}, {@code target}
     * is a folder and one file per account is written there ({@code hootsuite-x-handle.csv} …), as both tools upload
     * per profile; for {@link CsvFormat#BYLINE} it is the file.
     */
    public ExportResult exportCsv(CsvFormat format, Collection<Long> postIds, Path target) {
        s.session.requireAny(EXPORTERS);
        Gathered g = gather(postIds);
        Map<Long, GateResult> refused = g.refused();
        List<Long> ids = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (format == CsvFormat.BYLINE) {
            List<List<String>> rows = new ArrayList<>();
            for (Row r : g.rows()) {
                for (Account a : r.targets()) {
                    ZonedDateTime local = ZonedDateTime.ofInstant(r.post().publishAt(), zone(r.executive()));
                    rows.add(List.of(String.valueOf(r.post().id()), r.executive().name(), a.platform().id(), a.handle(),
                            a.capacity().name(), r.post().publishAt().toString(), local.toOffsetDateTime().toString(),
                            r.executive().timeZone(), r.version().textFor(a.platform()), String.valueOf(r.version().number()),
                            r.version().hash(), String.join("; ", r.media().stream().map(PostMedia::fileName).toList()),
                            String.join("; ", r.media().stream().map(PostMedia::altText).toList())));
                }
                ids.add(r.post().id());
            }
            ExportFiles.writeCsv(target, List.of("post_id", "executive", "platform", "handle", "capacity", "publish_at_utc",
                    "publish_at_local", "time_zone", "text", "version", "version_hash", "images", "alt_texts"), rows);
            files.add(target);
        } else {
            refused = new TreeMap<>(refused);
            Map<String, List<List<String>>> perAccount = new TreeMap<>();
            DateTimeFormatter fmt = DateTimeFormatter.ofPattern(format == CsvFormat.HOOTSUITE ? "MM/dd/yyyy HH:mm" : "yyyy-MM-dd HH:mm",
                    Locale.ROOT);
            for (Row r : g.rows()) {
                Optional<GateResult> formula = formulaText(r);
                if (formula.isPresent()) {
                    refused.put(r.post().id(), formula.get());
                    continue;
                }
                ids.add(r.post().id());
                ZonedDateTime local = ZonedDateTime.ofInstant(r.post().publishAt(), zone(r.executive()));
                if (!r.media().isEmpty()) {
                    warnings.add("Post " + r.post().id() + " has images: attach them in the scheduler by hand.");
                }
                if (format == CsvFormat.HOOTSUITE && local.getMinute() % 5 != 0) {
                    warnings.add("Post " + r.post().id() + " is at " + local.toLocalTime()
                            + "; Hootsuite may only accept times ending in 0 or 5.");
                }
                for (Account a : r.targets()) {
                    String key = format.name().toLowerCase(Locale.ROOT) + "-" + a.platform().id() + "-" + safe(a.handle()) + ".csv";
                    String text = r.version().textFor(a.platform());
                    List<String> row = format == CsvFormat.HOOTSUITE ? List.of(local.format(fmt), text, "")
                            : List.of(text, "", "", local.format(fmt));
                    perAccount.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
                }
            }
            for (var e : perAccount.entrySet()) {
                if (format == CsvFormat.HOOTSUITE && e.getValue().size() > HOOTSUITE_MAX_ROWS) {
                    warnings.add(e.getKey() + " has " + e.getValue().size() + " rows; Hootsuite takes at most "
                            + HOOTSUITE_MAX_ROWS + " per upload.");
                }
                Path file = target.resolve(e.getKey());
                // the message is published as it stands (never given a leading '); the other cells are neutralised
                ExportFiles.writeCsv(file, format == CsvFormat.HOOTSUITE ? null
                        : List.of("Text", "Image URL", "Tags", "Posting Time"), e.getValue(), format == CsvFormat.HOOTSUITE ? 1 : 0);
                files.add(file);
            }
        }
        recordExport(format.name().toLowerCase(Locale.ROOT), ids, files);
        return new ExportResult(files, ids, refused, warnings);
    }

    /** A refusal when a text of the post would start a formula in a scheduler's CSV (see {@link ProblemCode#FORMULA_TEXT}). */
    private static Optional<GateResult> formulaText(Row r) {
        List<GateProblem> problems = new ArrayList<>();
        for (Account a : r.targets()) {
            String text = r.version().textFor(a.platform());
            if (ExportFiles.startsFormula(text)) {
                String first = text.substring(0, 1);
                problems.add(new GateProblem(ProblemCode.FORMULA_TEXT, "publish.problem.formulaText", List.of(
                        a.platform().displayName(), first.equals("\t") ? "TAB" : first.equals("\r") ? "CR" : first)));
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(new GateResult(r.post().id(), problems,
                r.gate().versionNumber(), r.gate().versionHash(), r.gate().findings()));
    }

    private void recordExport(String format, List<Long> ids, List<Path> files) {
        s.db.inWrite(tx -> s.audit.record(tx, "post.export", "post", null, PostSupport.details("format", format,
                "posts", ids, "files", files.stream().map(p -> p.getFileName().toString()).toList())));
    }

    private static ZoneId zone(Executive e) {
        try {
            return ZoneId.of(e.timeZone());
        } catch (java.time.DateTimeException ex) {
            return ZoneId.of("UTC");
        }
    }

    private static String safe(String handle) {
        return handle.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Domains on which a post of each platform lives (Mastodon: any server). */
    private static final Map<Platform, List<String>> HOSTS = Map.of(
            Platform.X, List.of("x.com", "twitter.com"),
            Platform.LINKEDIN, List.of("linkedin.com"),
            Platform.THREADS, List.of("threads.net", "threads.com"),
            Platform.BLUESKY, List.of("bsky.app"),
            Platform.FACEBOOK, List.of("facebook.com", "fb.com"),
            Platform.INSTAGRAM, List.of("instagram.com"));

    /**
     * Checks a live URL: http(s), absolute, no credentials, no spaces or control characters, at most 2048
     * characters, on a host of one of the post's platforms. Returns it trimmed.
     */
    static String validateLiveUrl(String url, Set<Platform> platforms) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty() || u.length() > 2048 || u.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new ValidationException("liveUrl", "publish.error.url");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new ValidationException("liveUrl", "publish.error.url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new ValidationException("liveUrl", "publish.error.url");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (Platform p : platforms) {
            if (p == Platform.MASTODON && host.contains(".") && !host.endsWith(".")) return u;
            for (String d : HOSTS.getOrDefault(p, List.of())) {
                if (host.equals(d) || host.endsWith("." + d)) return u;
            }
        }
        throw new ValidationException("liveUrl", "publish.error.urlHost");
    }
}
