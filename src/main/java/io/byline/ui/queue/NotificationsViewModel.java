package io.byline.ui.queue;

import io.byline.domain.Notification;
import io.byline.service.NotificationService;
import io.byline.ui.common.TaskRunner;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** The bell: the signed-in user's recent notifications and how many are unread. */
public final class NotificationsViewModel {
    static final int SHOWN = 30;

    private final NotificationService service;
    private final TaskRunner runner;
    private final ObservableList<Notification> recent = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper unread = new ReadOnlyLongWrapper(0);

    public NotificationsViewModel(NotificationService service, TaskRunner runner) {
        this.service = service;
        this.runner = runner;
    }

    public ObservableList<Notification> recent() { return recent; }
    public ReadOnlyLongProperty unreadProperty() { return unread.getReadOnlyProperty(); }

    private record State(List<Notification> recent, long unread) {}

    public void load() {
        runner.run(() -> new State(service.recent(SHOWN), service.unreadCount()), s -> {
            recent.setAll(s.recent());
            unread.set(s.unread());
        }, e -> { });
    }

    public void markRead(Notification n) {
        if (n.read()) return;
        runner.perform(() -> service.markRead(n.id()), this::load, e -> { });
    }

    public void markAllRead() {
        runner.perform(service::markAllRead, this::load, e -> { });
    }
}
