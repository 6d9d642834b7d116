package io.byline.ui.queue;

import io.byline.domain.Notification;
import io.byline.service.QueueItem;
import io.byline.ui.common.I18n;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which pop-up notifications to show: on the first count after sign-in, a summary of what waits on the
 * user, what nears its deadline and their unread notifications; afterwards only what is new. Called from the
 * background; the {@link ToastPresenter} takes them to the FX thread.
 */
public final class QueueAlerts {
    private final I18n i18n;
    private final ToastPresenter toasts;
    private final Set<Long> waitingSeen = new HashSet<>();
    private final Set<Long> nearSeen = new HashSet<>();
    private final Set<Long> notificationsSeen = new HashSet<>();
    private boolean first = true;

    public QueueAlerts(I18n i18n, ToastPresenter toasts) {
        this.i18n = i18n;
        this.toasts = toasts;
    }

    /** Compares with what was shown before and pops up what is new. */
    public synchronized void update(List<QueueItem> waiting, List<QueueItem> near, List<Notification> unread) {
        List<ToastPresenter.Toast> out = new ArrayList<>();
        List<QueueItem> newWaiting = waiting.stream().filter(i -> !waitingSeen.contains(i.postId())).toList();
        List<QueueItem> newNear = near.stream().filter(i -> !nearSeen.contains(i.postId())).toList();
        List<Notification> newNotes = unread.stream().filter(n -> !notificationsSeen.contains(n.id())).toList();
        if (newWaiting.size() == 1) {
            QueueItem i = newWaiting.get(0);
            out.add(new ToastPresenter.Toast(ToastPresenter.Kind.INFO, i18n.text("queue.toast.waiting.title"),
                    i18n.text("queue.toast.waiting.one", i.executiveName(), QueueTexts.shorten(i.excerpt(), 60)), i.postId()));
        } else if (newWaiting.size() > 1) {
            out.add(new ToastPresenter.Toast(ToastPresenter.Kind.INFO, i18n.text("queue.toast.waiting.title"),
                    i18n.text("queue.toast.waiting.many", newWaiting.size()), null));
        }
        if (!newNear.isEmpty()) {
            QueueItem i = newNear.get(0);
            out.add(new ToastPresenter.Toast(ToastPresenter.Kind.WARNING, i18n.text("queue.toast.deadline.title"),
                    newNear.size() == 1 ? i18n.text("queue.toast.deadline.one", i.executiveName(), QueueTexts.shorten(i.excerpt(), 60))
                            : i18n.text("queue.toast.deadline.many", newNear.size()), newNear.size() == 1 ? i.postId() : null));
        }
        if (newNotes.size() == 1 || (!first && !newNotes.isEmpty())) {
            for (Notification n : newNotes.subList(0, Math.min(3, newNotes.size()))) {
                out.add(new ToastPresenter.Toast(n.textKey().endsWith("expired") ? ToastPresenter.Kind.WARNING : ToastPresenter.Kind.INFO,
                        i18n.text("queue.toast.notification.title"), QueueTexts.notification(i18n, n), n.postId()));
            }
        } else if (newNotes.size() > 1) {
            out.add(new ToastPresenter.Toast(ToastPresenter.Kind.INFO, i18n.text("queue.toast.notification.title"),
                    i18n.text("queue.toast.notification.many", newNotes.size()), null));
        }
        waiting.forEach(i -> waitingSeen.add(i.postId()));
        waitingSeen.retainAll(waiting.stream().map(QueueItem::postId).toList());
        near.forEach(i -> nearSeen.add(i.postId()));
        unread.forEach(n -> notificationsSeen.add(n.id()));
        first = false;
        out.forEach(toasts::show);
    }
}
