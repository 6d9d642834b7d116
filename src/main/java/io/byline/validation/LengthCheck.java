package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;

import java.util.List;

/**
 * Rule {@code length}: the post is longer than its platform allows, counted the platform's way
 * ({@link PlatformLength}). The span is the part past the limit. BLOCK: the platform would refuse the post.
 */
public final class LengthCheck implements PostCheck {
    public static final String RULE = RuleIds.LENGTH;

    @Override
    public String id() {
        return RULE;
    }

    @Override
    public void check(PostContext post, List<Finding> out) {
        LengthInfo info = post.length();
        if (!info.over()) return;
        String text = post.text();
        int s = Spans.graphemeStart(text, info.overflowStart());
        out.add(new Finding(RULE, Severity.BLOCK, s, text.length(), text.substring(s), info.platform().id(), null,
                null, "finding.length", Messages.english("finding.length", info.platform().displayName(),
                info.count(), info.limit())));
    }
}
