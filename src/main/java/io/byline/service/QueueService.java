package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.Executive;
import io.byline.domain.FindingDecision;
import io.byline.domain.Platform;
import io.byline.domain.Post;
import io.byline.domain.PostFinding;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.Severity;
import io.byline.domain.User;
import io.byline.store.Tx;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The queue: posts matching a filter, soonest deadline first, each with its worst finding and the step it waits on;
 * the posts waiting on the signed-in user, and those whose deadline is near. Reads only.
 */
public final class QueueService {
    private final PostSupport s;
    private final ReviewService reviews;

    QueueService(PostSupport support, ReviewService reviews) {
        this.s = support;
        this.reviews = reviews;
    }

    /** Posts matching the filter, soonest deadline first, each with its worst finding and the step it waits on. */
    public List<QueueItem> queue(QueueFilter filter) {
        s.session.require();
        QueueFilter f = filter == null ? QueueFilter.all() : filter;
        return s.db.inRead(tx -> items(tx, f, null));
    }

    /** Posts in review whose current step the signed-in user may sign now (the reviewer's default view). */
    public List<QueueItem> waitingOnMe() {
        User user = s.session.require();
        return s.db.inRead(tx -> items(tx, QueueFilter.all().withStates(EnumSet.of(PostState.IN_REVIEW)), post -> {
            return reviews.maySignNow(tx, user, post);
        }));
    }

    /** Posts not yet fully approved whose deadline is near (within the attention window) or already passed. */
    public List<QueueItem> needsAttention() {
        s.session.require();
        return s.db.inRead(tx -> items(tx, QueueFilter.all().withStates(PostState.AWAITING_APPROVAL), null).stream()
                .filter(QueueItem::nearDeadline).toList());
    }

    private List<QueueItem> items(Tx tx, QueueFilter f, java.util.function.Predicate<Post> extra) {
        Instant now = s.now();
        Duration margin = s.margin(tx);
        Duration window = s.attentionWindow(tx);
        Map<Long, Executive> execs = new HashMap<>();
        String needle = f.text() == null ? null : fold(f.text());
        List<Post> posts = s.posts.posts(tx, f.states()).stream()
                .filter(p -> f.executiveId() == null || p.executiveId() == f.executiveId()).toList();
        Map<Long, List<PostFinding>> findings = new HashMap<>();
        for (PostFinding pf : s.posts.findings(tx, posts.stream().map(Post::id).toList())) {
            findings.computeIfAbsent(pf.postId(), k -> new ArrayList<>()).add(pf);
        }
        // read in bulk (a few reads per few hundred posts, not several per post): the queue and its badge stay
        // quick on a large workspace
        List<Long> ids = posts.stream().map(Post::id).toList();
        Map<Long, List<Long>> targetIds = s.posts.targets(tx, ids);
        Map<Long, Account> accounts = new HashMap<>();
        for (Account a : s.executives.allAccounts(tx, true)) accounts.put(a.id(), a);
        Map<Long, PostVersion> versions = s.posts.versions(tx, posts.stream().map(Post::currentVersionId)
                .filter(java.util.Objects::nonNull).toList());
        Map<Long, List<FindingDecision>> decisions = s.posts.decisions(tx, ids);
        List<QueueItem> out = new ArrayList<>();
        for (Post p : posts) {
            List<Platform> platforms = targetIds.getOrDefault(p.id(), List.of()).stream().map(accounts::get)
                    .filter(java.util.Objects::nonNull).map(Account::platform).distinct().sorted().toList();
            if (f.platform() != null && !platforms.contains(f.platform())) continue;
            PostVersion v = p.currentVersionId() == null ? null : versions.get(p.currentVersionId());
            if (v == null) v = s.current(tx, p);
            if (needle != null && !fold(v.text()).contains(needle)
                    && v.variants().values().stream().noneMatch(t -> fold(t).contains(needle))) continue;
            List<PostFinding> fs = PostSupport.withDecisions(decisions.getOrDefault(p.id(), List.of()),
                    findings.getOrDefault(p.id(), List.of()));
            Severity worst = PostSupport.worst(fs);
            if (f.minSeverity() != null && (worst == null || worst.compareTo(f.minSeverity()) < 0)) continue;
            if (extra != null && !extra.test(p)) continue;
            PostFinding worstFinding = fs.stream().filter(x -> x.severity() == worst).findFirst().orElse(null);
            String waiting = null;
            if (p.state() == PostState.IN_REVIEW) {
                waiting = s.progress(tx, p, v).current().map(st -> st.step().name()).orElse(null);
            }
            Instant deadline = p.publishAt().minus(margin);
            boolean near = PostState.AWAITING_APPROVAL.contains(p.state()) && !deadline.isAfter(now.plus(window));
            Executive e = execs.computeIfAbsent(p.executiveId(), id -> s.executives.byId(tx, id).orElseThrow());
            String excerpt = v.text().length() > 140 ? v.text().substring(0, 140) + "…" : v.text();
            out.add(new QueueItem(p.id(), p.executiveId(), e.name(), platforms, p.state(), worst, worstFinding,
                    PostSupport.unresolved(fs).size(), waiting, p.publishAt(), deadline, near, excerpt, v.authorName(),
                    p.updatedAt()));
        }
        out.sort(Comparator.comparing(QueueItem::deadline).thenComparingLong(QueueItem::postId));
        return out;
    }

    private static String fold(String t) {
        return Normalizer.normalize(t, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
