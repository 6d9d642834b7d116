package io.byline.service;

import io.byline.domain.Notification;
import io.byline.domain.User;
import io.byline.store.NotificationRepository;
import io.byline.store.Transactor;

import java.util.List;

/** The signed-in user's in-app notifications (deadlines missed, approvals, posts sent back …). */
public final class NotificationService {
    private final Transactor db;
    private final NotificationRepository notifications;
    private final Session session;

    public NotificationService(Transactor db, NotificationRepository notifications, Session session) {
        this.db = db;
        this.notifications = notifications;
        this.session = session;
    }

    public List<Notification> unread() {
        User u = session.require();
        return db.inRead(tx -> notifications.list(tx, u.id(), true, 200));
    }

    public List<Notification> recent(int limit) {
        User u = session.require();
        return db.inRead(tx -> notifications.list(tx, u.id(), false, Math.max(1, Math.min(limit, 1000))));
    }

    public long unreadCount() {
        User u = session.require();
        return db.inRead(tx -> notifications.unreadCount(tx, u.id()));
    }

    public void markRead(long notificationId) {
        User u = session.require();
        db.inWrite(tx -> notifications.markRead(tx, u.id(), notificationId));
    }

    public void markAllRead() {
        User u = session.require();
        db.inWrite(tx -> notifications.markAllRead(tx, u.id()));
    }
}
