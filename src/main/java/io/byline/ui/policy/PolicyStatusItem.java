package io.byline.ui.policy;

import io.byline.service.PolicyService;
import io.byline.ui.common.I18n;
import io.byline.ui.common.StatusItem;

/** "Policy v12 · 48 terms" in the status bar (the size only; the terms stay on the Policy screen). */
public final class PolicyStatusItem implements StatusItem {
    private final PolicyService policy;
    private final I18n i18n;

    public PolicyStatusItem(PolicyService policy, I18n i18n) {
        this.policy = policy;
        this.i18n = i18n;
    }

    @Override
    public String text() {
        PolicyService.Summary s = policy.summary();
        return i18n.text("policy.status", s.version(), s.terms());
    }
}
