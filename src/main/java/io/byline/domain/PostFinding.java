package io.byline.domain;

import java.util.Objects;

/**
 * A finding of a post's current version as cached for the queue and the Risks screen. Holds no matched
 * text (a confidential term must not be copied around); the span locates it in the version's text.
 *
 * @param platform    the platform whose text it was found in, or null for a finding about the post as a whole
 *                    (e.g. {@code media.alt-text})
 * @param fingerprint identifies the finding across edits; overrides and acknowledgements refer to it
 * @param decision    the override or acknowledgement resolving it, or null
 */
public record PostFinding(long postId, Platform platform, String rule, Severity severity, int start, int end,
                          String category, String termId, String messageKey, String fingerprint,
                          FindingDecision decision) {
    public PostFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** Whether this finding still stands in the way of approval: BLOCK without override, WARN without acknowledgement. */
    public boolean unresolved() {
        if (severity == Severity.INFO) return false;
        return decision == null || !decision.covers(severity);
    }

    public PostFinding withDecision(FindingDecision d) {
        return new PostFinding(postId, platform, rule, severity, start, end, category, termId, messageKey, fingerprint, d);
    }
}
