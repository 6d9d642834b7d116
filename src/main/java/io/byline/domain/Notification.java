package io.byline.domain;

import java.time.Instant;
import java.util.List;

/**
 * An in-app message for one user.
 *
 * @param textKey bundle key of the message ({@code notification.post.expired} …)
 * @param args    arguments for the message, in order
 * @param postId  the post it is about, or null
 */
public record Notification(long id, long userId, String textKey, List<String> args, Long postId, boolean read,
                           Instant createdAt) {
    public Notification {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
