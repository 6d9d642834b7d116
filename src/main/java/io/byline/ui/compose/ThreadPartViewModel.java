package io.byline.ui.compose;

import io.byline.domain.Severity;

import java.util.List;

/** One numbered part of a thread preview, counted and checked on its own. */
public record ThreadPartViewModel(int number, int total, String text, int count, int limit, Severity worst,
                                  List<FindingViewModel> findings) {
    public ThreadPartViewModel {
        findings = List.copyOf(findings);
    }

    public boolean over() {
        return count > limit;
    }
}
