package io.byline.validation;

import io.byline.domain.Finding;

import java.util.List;

/** One rule. Implementations are stateless and thread-safe; per-post state lives in the {@link PostContext}. */
public interface PostCheck {
    /** Stable rule id, or id prefix for rules with several ids ({@code pii}). */
    String id();

    void check(PostContext post, List<Finding> out);
}
