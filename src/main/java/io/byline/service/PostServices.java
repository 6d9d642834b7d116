package io.byline.service;

import io.byline.store.ApprovalRepository;
import io.byline.store.ExecutiveRepository;
import io.byline.store.NotificationRepository;
import io.byline.store.PostRepository;
import io.byline.store.SettingsRepository;
import io.byline.store.Transactor;

import java.time.Clock;

/** Wires the drafting, review (with its chains and queue) and publishing services over one shared core; built by the composition root. */
public final class PostServices {
    private final DraftService drafts;
    private final ReviewService reviews;
    private final ChainService chains;
    private final PublishService publishing;

    public PostServices(Transactor db, PostRepository posts, ApprovalRepository approvals, ExecutiveRepository executives,
                        NotificationRepository notifications, SettingsRepository settings, PolicyProvider policy,
                        AuditService audit, Session session, Clock clock) {
        PostSupport support = new PostSupport(db, posts, approvals, executives, notifications, settings, policy, audit,
                session, clock);
        this.drafts = new DraftService(support);
        this.reviews = new ReviewService(support);
        this.chains = new ChainService(support);
        this.publishing = new PublishService(support);
    }

    /** Compiles the stored policy into a checker running the validation pipeline ({@code io.byline.validation}). */
    public static PostChecker validatorChecker(PolicyProvider.Snapshot snapshot) {
        return ValidatorPostChecker.compile(snapshot);
    }

    public DraftService drafts() { return drafts; }
    public ReviewService reviews() { return reviews; }
    public ChainService chains() { return chains; }
    public QueueService queue() { return reviews.queueService(); }
    public PublishService publishing() { return publishing; }
}
