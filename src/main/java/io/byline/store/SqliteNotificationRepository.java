package io.byline.store;

import io.byline.domain.Notification;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

public final class SqliteNotificationRepository implements NotificationRepository {
    @Override
    public long insert(Tx tx, long userId, String textKey, List<String> args, Long postId, Instant now) {
        JsonArray a = new JsonArray();
        args.forEach(a::add);
        return Jdbc.insert(tx, "INSERT INTO notification (user_id, text_key, args, post_id, created_at) VALUES (?, ?, ?, ?, ?)",
                userId, textKey, Json.gson().toJson(a), postId, now);
    }

    @Override
    public List<Notification> list(Tx tx, long userId, boolean unreadOnly, int limit) {
        return Jdbc.list(tx, "SELECT id, user_id, text_key, args, post_id, read, created_at FROM notification"
                + " WHERE user_id = ? AND (? = 0 OR read = 0) ORDER BY id DESC LIMIT ?", rs -> {
                    List<String> args = new ArrayList<>();
                    for (JsonElement e : Json.parse(rs.getString("args")).getAsJsonArray()) args.add(e.getAsString());
                    return new Notification(rs.getLong("id"), rs.getLong("user_id"), rs.getString("text_key"), args,
                            Jdbc.nullableLong(rs, "post_id"), Jdbc.bool(rs, "read"), Jdbc.instant(rs, "created_at"));
                }, userId, unreadOnly, limit);
    }

    @Override
    public long unreadCount(Tx tx, long userId) {
        return Jdbc.count(tx, "SELECT count(*) FROM notification WHERE user_id = ? AND read = 0", userId);
    }

    @Override
    public boolean markRead(Tx tx, long userId, long notificationId) {
        return Jdbc.update(tx, "UPDATE notification SET read = 1 WHERE id = ? AND user_id = ?", notificationId, userId) > 0;
    }

    @Override
    public int markAllRead(Tx tx, long userId) {
        return Jdbc.update(tx, "UPDATE notification SET read = 1 WHERE user_id = ? AND read = 0", userId);
    }
}
