package io.byline.ui.queue;

import io.byline.service.QueueService;
import io.byline.service.NotificationService;
import io.byline.service.QueueItem;
import io.byline.service.ReviewService;
import io.byline.ui.common.Badge;

import java.util.List;

/**
 * The Queue's navigation badge: how many posts wait on the signed-in user's signature. Counting also expires
 * posts whose deadline passed (their authors are told through their notifications) and hands what is new to
 * {@link QueueAlerts}, which pops up a notification on sign-in and whenever something new waits or nears its
 * deadline. Runs in the background each time the window refreshes.
 */
public final class QueueBadge implements Badge {
    private final ReviewService reviews;
    private final QueueService queue;
    private final NotificationService notifications;
    private final QueueAlerts alerts;

    public QueueBadge(ReviewService reviews, QueueService queue, NotificationService notifications, QueueAlerts alerts) {
        this.reviews = reviews;
        this.queue = queue;
        this.notifications = notifications;
        this.alerts = alerts;
    }

    @Override
    public int count() {
        reviews.expireOverdue();
        List<QueueItem> waiting = queue.waitingOnMe();
        List<QueueItem> near = queue.needsAttention();
        alerts.update(waiting, near, notifications.unread());
        return waiting.size();
    }
}
