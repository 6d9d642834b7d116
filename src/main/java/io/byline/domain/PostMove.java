package io.byline.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a post's publish time. An approval covers the time as well as the text, so a move may void the
 * standing approvals (unless whoever moved it could sign the post's final step themselves).
 *
 * @param userName        the name of whoever moved it, as it was then
 * @param approvalsVoided how many standing approvals the move voided
 */
public record PostMove(long id, long postId, Instant from, Instant to, long userId, String userName, Instant at,
                       int approvalsVoided) {
    public PostMove {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
