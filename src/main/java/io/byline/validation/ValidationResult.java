package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Severity;

import java.util.List;

/**
 * The outcome of checking one post.
 *
 * @param findings sorted by start offset, then end, then rule
 * @param worst    the worst severity found, or null when nothing was found
 * @param length   the post's length on its platform
 */
public record ValidationResult(List<Finding> findings, Severity worst, LengthInfo length) {
    public ValidationResult {
        findings = List.copyOf(findings);
    }

    /** {@code PASS}, {@code INFO}, {@code WARN} or {@code BLOCK}. */
    public String verdict() {
        return worst == null ? "PASS" : worst.name();
    }

    public boolean passes() {
        return worst == null;
    }
}
