package io.byline.ui.risks;

import io.byline.service.RiskService;
import io.byline.ui.common.Badge;

/** The Risks navigation badge: open blocking findings and warnings the signed-in user sees. */
public final class RisksBadge implements Badge {
    private final RiskService risks;

    public RisksBadge(RiskService risks) {
        this.risks = risks;
    }

    @Override
    public int count() {
        return risks.openCount();
    }
}
