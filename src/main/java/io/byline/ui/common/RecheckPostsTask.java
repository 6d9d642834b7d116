package io.byline.ui.common;

import io.byline.service.PolicyRecheckService;

import javafx.concurrent.Task;

import java.util.List;

/**
 * Re-checks every post not yet published against the current policy, in small batches (each post its own short
 * transaction), reporting progress and stopping between batches when cancelled. Records the completed re-check so
 * the app does not repeat it; a cancelled one is repeated the next time the Risks or Policy screen is opened.
 */
public final class RecheckPostsTask extends Task<Integer> {
    static final int BATCH = 10;
    private final PolicyRecheckService policy;

    public RecheckPostsTask(PolicyRecheckService policy, String title) {
        this.policy = policy;
        updateTitle(title);
    }

    @Override
    protected Integer call() {
        long version = policy.version();
        List<Long> ids = policy.openPostIds();
        int done = 0;
        updateProgress(0, Math.max(1, ids.size()));
        for (int i = 0; i < ids.size(); i += BATCH) {
            if (isCancelled()) return done;
            done += policy.recheckBatch(ids.subList(i, Math.min(ids.size(), i + BATCH)));
            updateProgress(Math.min(ids.size(), i + BATCH), ids.size());
        }
        if (!isCancelled()) policy.markRechecked(version);
        return done;
    }
}
