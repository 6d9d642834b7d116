package io.byline.service;

import io.byline.domain.PolicyEntry;
import io.byline.domain.Post;
import io.byline.store.PolicyRepository;
import io.byline.store.PostRepository;
import io.byline.store.SettingsRepository;
import io.byline.store.Transactor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What a policy change means for posts on their way: whether the cached findings of open posts may be stale, and the
 * re-check of those posts against the current policy (in small batches for the app, all at once for the command line).
 */
public final class PolicyRecheckService {
    private final Transactor db;
    private final PolicyRepository policy;
    private final SettingsRepository settings;
    private final PostRepository posts;
    private final DraftService drafts;
    private final Session session;
    private final Clock clock;

    public PolicyRecheckService(Transactor db, PolicyRepository policy, SettingsRepository settings, PostRepository posts,
                                DraftService drafts, Session session, Clock clock) {
        this.db = db;
        this.policy = policy;
        this.settings = settings;
        this.posts = posts;
        this.drafts = drafts;
        this.session = session;
        this.clock = clock;
    }

    /** The policy version now (a full re-check is recorded against the version it started with). */
    public long version() {
        return PolicyRules.version(db, settings);
    }

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
            long v = PolicyRules.version(settings, tx);
            long checked = settings.get(tx, PolicyRules.RECHECKED_KEY).map(Long::parseLong).orElse(v);
            if (checked != v) return true;
            Instant since = settings.get(tx, PolicyRules.EMBARGO_CHECKED_KEY).map(Instant::parse).orElse(null);
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
            settings.put(tx, PolicyRules.RECHECKED_KEY, Long.toString(version));
            settings.put(tx, PolicyRules.EMBARGO_CHECKED_KEY, clock.instant().toString());
            return null;
        });
    }

    /**
     * Re-checks every open post now (headless use and tests; the app uses a background task with Cancel). Runs for
     * a Legal, Approver or Admin user, or as the system when no one is signed in (the command line).
     */
    public int recheckAll(int batchSize, PolicyService.Progress progress) {
        PolicyRules.requireManager(session);
        long v = PolicyRules.version(db, settings);
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
}
