package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.Approval;
import io.byline.domain.Executive;
import io.byline.domain.Post;
import io.byline.domain.PostFinding;
import io.byline.domain.PostMedia;
import io.byline.domain.PostVersion;

import java.time.Instant;
import java.util.List;

/**
 * Everything the Compose screen and the queue's detail pane show about one post.
 *
 * @param current     the current (latest saved) version
 * @param findings    findings of the current version, with their override or acknowledgement
 * @param media       attached images, without their bytes ({@link DraftService#mediaBytes} loads them)
 * @param approvals   standing approvals of the current version
 * @param deadline    when the post must be fully approved by (publish time minus the margin)
 * @param unsavedText the autosaved text when it differs from the current version (offer to restore it), or null
 */
public record PostDetail(Post post, Executive executive, List<Account> targets, PostVersion current,
                         List<PostFinding> findings, List<PostMedia> media, List<Approval> approvals,
                         ChainProgress progress, Instant deadline, String unsavedText) {
    public PostDetail {
        targets = List.copyOf(targets);
        findings = List.copyOf(findings);
        media = List.copyOf(media);
        approvals = List.copyOf(approvals);
    }

    public boolean hasUnsavedText() {
        return unsavedText != null;
    }
}
