package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.Approval;
import io.byline.domain.Comment;
import io.byline.domain.FindingDecision;
import io.byline.domain.Platform;
import io.byline.domain.Post;
import io.byline.domain.PostFinding;
import io.byline.domain.PostVersion;
import io.byline.domain.WordDiff;
import io.byline.store.ApprovalRepository;
import io.byline.store.ExecutiveRepository;
import io.byline.store.PostRepository;
import io.byline.store.Tx;
import io.byline.validation.FindingTexts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The post sections of an evidence bundle: the post, every version with its hash, the diff between consecutive
 * versions, the current findings (never the matched text), every override and acknowledgement with its reason,
 * every approval (voided ones too) with the hash it approved, the comments and a timeline of all of it. The audit
 * entries about the post are added by {@link EvidenceService} itself.
 */
public final class PostEvidence {
    private final PostRepository posts;
    private final ApprovalRepository approvals;
    private final ExecutiveRepository executives;

    public PostEvidence(PostRepository posts, ApprovalRepository approvals, ExecutiveRepository executives) {
        this.posts = posts;
        this.approvals = approvals;
        this.executives = executives;
    }

    /** Registers the sections with the evidence service. */
    public void registerWith(EvidenceService evidence) {
        section(evidence, "post", "Post", this::post);
        section(evidence, "versions", "Versions", this::versions);
        section(evidence, "diffs", "Changes between versions", this::diffs);
        section(evidence, "findings", "Findings of the current version", this::findings);
        section(evidence, "decisions", "Overrides and acknowledgements", this::decisions);
        section(evidence, "approvals", "Approvals", this::approvals);
        section(evidence, "comments", "Comments", this::comments);
        section(evidence, "timeline", "Timeline", this::timeline);
    }

    @FunctionalInterface
    private interface Collector {
        Object collect(Tx tx, long postId);
    }

    private static void section(EvidenceService evidence, String key, String title, Collector c) {
        evidence.register(new EvidenceService.SectionProvider() {
            @Override public String key() { return key; }
            @Override public String title() { return title; }
            @Override public boolean appliesTo(String entityType) { return "post".equals(entityType); }
            @Override public Object collect(Tx tx, String entityType, String entityId) {
                long id;
                try {
                    id = Long.parseLong(entityId);
                } catch (NumberFormatException e) {
                    return null;
                }
                return c.collect(tx, id);
            }
        });
    }

    private Optional<Post> find(Tx tx, long postId) {
        return posts.post(tx, postId);
    }

    Object post(Tx tx, long postId) {
        Optional<Post> found = find(tx, postId);
        if (found.isEmpty()) return Map.of("missing", "There is no post " + postId + " in this workspace.");
        Post p = found.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("executive", executives.byId(tx, p.executiveId()).map(e -> e.name()).orElse("#" + p.executiveId()));
        m.put("state", p.state().name());
        m.put("publishAt", p.publishAt());
        m.put("createdAt", p.createdAt());
        m.put("updatedAt", p.updatedAt());
        m.put("publishedAt", p.publishedAt());
        m.put("liveUrl", p.liveUrl());
        m.put("submitReason", p.submitReason());
        m.put("currentVersion", versionNumbers(tx, postId).get(p.currentVersionId()));
        List<Map<String, Object>> targets = new ArrayList<>();
        for (Long id : posts.targets(tx, postId)) {
            executives.account(tx, id).ifPresent(a -> targets.add(account(a)));
        }
        m.put("accounts", targets);
        return m;
    }

    private static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("platform", a.platform().displayName());
        m.put("handle", "@" + a.handle());
        m.put("capacity", a.capacity().name());
        return m;
    }

    Object versions(Tx tx, long postId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PostVersion v : posts.versions(tx, postId)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", v.number());
            m.put("hash", v.hash());
            m.put("author", v.authorName());
            m.put("createdAt", v.createdAt());
            m.put("note", v.note());
            m.put("text", v.text());
            Map<String, String> variants = new LinkedHashMap<>();
            v.variants().forEach((p, t) -> variants.put(p.displayName(), t));
            m.put("variants", variants);
            List<String> handles = new ArrayList<>();
            for (Long id : v.accountIds()) {
                handles.add(executives.account(tx, id).map(a -> a.platform().displayName() + " @" + a.handle()).orElse("#" + id));
            }
            m.put("accounts", handles);
            List<Map<String, Object>> media = new ArrayList<>();
            for (PostVersion.MediaRef r : v.media()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("sha256", r.sha256());
                mm.put("altText", r.altText());
                media.add(mm);
            }
            m.put("media", media);
            out.add(m);
        }
        return out;
    }

    Object diffs(Tx tx, long postId) {
        List<PostVersion> vs = posts.versions(tx, postId);
        vs = vs.stream().sorted(Comparator.comparingInt(PostVersion::number)).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 1; i < vs.size(); i++) {
            PostVersion a = vs.get(i - 1);
            PostVersion b = vs.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", a.number());
            m.put("to", b.number());
            m.put("text", marked(WordDiff.diff(a.text(), b.text())));
            TreeSet<Platform> platforms = new TreeSet<>(a.variants().keySet());
            platforms.addAll(b.variants().keySet());
            Map<String, String> variants = new LinkedHashMap<>();
            for (Platform p : platforms) variants.put(p.displayName(), marked(WordDiff.diff(a.textFor(p), b.textFor(p))));
            m.put("variants", variants);
            out.add(m);
        }
        return out;
    }

    /** A diff as text: removed words in {@code [-…-]}, added ones in {@code {+…+}}. */
    static String marked(List<WordDiff.Segment> segments) {
        StringBuilder sb = new StringBuilder();
        for (WordDiff.Segment s : segments) {
            switch (s.op()) {
                case EQUAL -> sb.append(s.text());
                case DELETE -> sb.append("[-").append(s.text()).append("-]");
                case INSERT -> sb.append("{+").append(s.text()).append("+}");
            }
        }
        return sb.toString();
    }

    Object findings(Tx tx, long postId) {
        Map<String, FindingDecision> decisions = new HashMap<>();
        for (FindingDecision d : posts.decisions(tx, postId)) decisions.put(d.fingerprint(), d);
        PostVersion current = current(tx, postId);
        List<Map<String, Object>> out = new ArrayList<>();
        for (PostFinding f : posts.findings(tx, List.of(postId))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severity().name());
            m.put("rule", f.rule());
            m.put("category", f.category());
            m.put("message", FindingTexts.message(Locale.ROOT, f, current == null ? null : f.platform() == null ? current.text() : current.textFor(f.platform())));
            m.put("policyEntry", f.termId());
            m.put("platform", f.platform() == null ? null : f.platform().displayName());
            m.put("span", f.start() + "–" + f.end());
            FindingDecision d = decisions.get(f.fingerprint());
            m.put("resolution", d == null ? null : d.kind().name() + " by " + d.userName() + " at " + d.at() + ": " + d.reason());
            m.put("fingerprint", f.fingerprint());
            out.add(m);
        }
        return out;
    }

    /** The post's current version, or null. */
    private PostVersion current(Tx tx, long postId) {
        Optional<Post> p = find(tx, postId);
        if (p.isEmpty()) return null;
        return posts.versions(tx, postId).stream().filter(v -> v.id() == p.get().currentVersionId()).findFirst().orElse(null);
    }

    Object decisions(Tx tx, long postId) {
        Map<Long, Integer> numbers = versionNumbers(tx, postId);
        List<Map<String, Object>> out = new ArrayList<>();
        for (FindingDecision d : posts.decisions(tx, postId)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", d.kind().name());
            m.put("severity", d.severity().name());
            m.put("rule", d.rule());
            m.put("policyEntry", d.termId());
            m.put("reason", d.reason());
            m.put("by", d.userName());
            m.put("version", numbers.get(d.versionId()));
            m.put("at", d.at());
            m.put("fingerprint", d.fingerprint());
            out.add(m);
        }
        return out;
    }

    Object approvals(Tx tx, long postId) {
        Map<Long, PostVersion> versions = new HashMap<>();
        for (PostVersion v : posts.versions(tx, postId)) versions.put(v.id(), v);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Approval a : approvals.approvals(tx, postId, true)) {
            PostVersion v = versions.get(a.versionId());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", a.stepOrdinal() + ". " + a.stepName());
            m.put("by", a.userName());
            m.put("role", a.role().name());
            m.put("version", v == null ? null : v.number());
            m.put("approvedHash", a.versionHash());
            m.put("hashMatchesVersion", v != null && v.hash().equals(a.versionHash()));
            m.put("at", a.at());
            m.put("voidedAt", a.voidedAt());
            m.put("voidReason", a.voidReason());
            out.add(m);
        }
        return out;
    }

    Object comments(Tx tx, long postId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Comment c : posts.comments(tx, postId)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("by", c.userName());
            m.put("at", c.createdAt());
            m.put("text", c.text());
            out.add(m);
        }
        return out;
    }

    /** Everything that happened to the post, oldest first, from the post's own records. */
    Object timeline(Tx tx, long postId) {
        record Event(Instant at, String what, String by) {}
        List<Event> events = new ArrayList<>();
        Optional<Post> post = find(tx, postId);
        if (post.isEmpty()) return List.of();
        Post p = post.get();
        events.add(new Event(p.createdAt(), "created", null));
        Map<Long, Integer> numbers = new HashMap<>();
        for (PostVersion v : posts.versions(tx, postId)) {
            numbers.put(v.id(), v.number());
            events.add(new Event(v.createdAt(), "version " + v.number() + " saved (hash " + v.hash().substring(0, 12) + "…)",
                    v.authorName()));
        }
        for (FindingDecision d : posts.decisions(tx, postId)) {
            events.add(new Event(d.at(), d.kind().name().toLowerCase(java.util.Locale.ROOT) + " of " + d.rule()
                    + " on version " + numbers.get(d.versionId()), d.userName()));
        }
        for (Approval a : approvals.approvals(tx, postId, true)) {
            events.add(new Event(a.at(), "approved version " + numbers.get(a.versionId()) + " as " + a.role().name()
                    + " (step " + a.stepOrdinal() + ")", a.userName()));
            if (a.voidedAt() != null) {
                events.add(new Event(a.voidedAt(), "approval by " + a.userName() + " voided: " + a.voidReason(), null));
            }
        }
        for (Comment c : posts.comments(tx, postId)) events.add(new Event(c.createdAt(), "comment", c.userName()));
        if (p.publishedAt() != null) events.add(new Event(p.publishedAt(), "published", null));
        events.sort(Comparator.comparing(Event::at));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Event e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.at());
            m.put("what", e.what());
            m.put("by", e.by());
            out.add(m);
        }
        return out;
    }

    private Map<Long, Integer> versionNumbers(Tx tx, long postId) {
        Map<Long, Integer> out = new HashMap<>();
        for (PostVersion v : posts.versions(tx, postId)) out.put(v.id(), v.number());
        return out;
    }
}
