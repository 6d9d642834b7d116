package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Severity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The findings of one post while its checks run, bounded: each check may add at most {@code cap} findings (more are
 * counted, not kept), and {@link #finish} keeps the first {@code cap} in text order and ends the list with one
 * {@link Validator#TRUNCATED} finding that counts the rest. So a post whose text repeats a term a million times costs
 * a bounded list, and its verdict still counts every finding.
 */
final class FindingList extends ArrayList<Finding> {
    private static final long serialVersionUID = 1L;
    static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::start)
            .thenComparingInt(Finding::end).thenComparing(Finding::rule);

    private final int cap;
    private int checkStart;
    private int dropped;
    private Severity droppedWorst;

    FindingList(int cap) {
        super(4);
        this.cap = cap;
    }

    /** The next check's findings start here (each check has its own allowance of {@code cap}). */
    void nextCheck() {
        checkStart = size();
    }

    @Override
    public boolean add(Finding f) {
        if (size() - checkStart >= cap) {
            drop(f);
            return false;
        }
        return super.add(f);
    }

    @Override
    public void add(int index, Finding f) {
        if (size() - checkStart >= cap) drop(f);
        else super.add(index, f);
    }

    @Override
    public boolean addAll(Collection<? extends Finding> c) {
        boolean changed = false;
        for (Finding f : c) changed |= add(f);
        return changed;
    }

    private void drop(Finding f) {
        dropped++;
        droppedWorst = Severity.worst(droppedWorst, f.severity());
    }

    /** Sorts, keeps the first {@code cap}, and returns the result (the verdict counts the findings dropped too). */
    ValidationResult finish(PostContext post) {
        sort(ORDER);
        Severity worst = droppedWorst;
        for (Finding f : this) worst = Severity.worst(worst, f.severity());
        List<Finding> kept = this;
        if (size() > cap) {
            for (int i = cap; i < size(); i++) drop(get(i));
            kept = subList(0, cap);
        }
        if (dropped == 0) return new ValidationResult(kept, worst, post.length());
        List<Finding> out = new ArrayList<>(kept.size() + 1);
        out.addAll(kept);
        int end = post.text().length();
        out.add(new Finding(Validator.TRUNCATED, droppedWorst, end, end, "", null, null, null, "finding.truncated",
                Messages.english("finding.truncated", dropped)));
        return new ValidationResult(out, worst, post.length());
    }
}
