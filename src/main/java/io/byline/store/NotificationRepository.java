package io.byline.store;

import io.byline.domain.Notification;

import java.time.Instant;
import java.util.List;

/** In-app notifications per user. */
public interface NotificationRepository {
    long insert(Tx tx, long userId, String textKey, List<String> args, Long postId, Instant now);

    List<Notification> list(Tx tx, long userId, boolean unreadOnly, int limit);

    long unreadCount(Tx tx, long userId);

    /** Marks one of the user's notifications read; returns whether it was theirs. */
    boolean markRead(Tx tx, long userId, long notificationId);

    int markAllRead(Tx tx, long userId);
}
