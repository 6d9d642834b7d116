package io.byline.validation;

import java.util.List;

/** One post being checked, with the lanes and entities computed once and shared by the rules. */
public final class PostContext {
    private final PostInput input;
    private final CompiledPolicy policy;
    private WordLane words;
    private Lane clean;
    private List<Entities.Entity> urls;
    private LengthInfo length;
    private List<List<int[]>> wording;
    private List<Figures.Figure> figures;

    /** The gates of the wording rules, scanned in one pass a post. */
    private static final KeywordGate.Group WORDING = new KeywordGate.Group(DisclosureCheck.GATE, FinancialCheck.GATE);

    PostContext(PostInput input, CompiledPolicy policy) {
        this.input = input;
        this.policy = policy;
    }

    public PostInput input() { return input; }

    public String text() { return input.text(); }

    public CompiledPolicy policy() { return policy; }

    WordLane words() {
        if (words == null) words = WordLane.reusing(input.text()); // valid for this check only: never kept
        return words;
    }

    Lane clean() {
        if (clean == null) clean = Normalizer.lane(input.text(), Normalizer.LaneKind.CLEAN);
        return clean;
    }

    /** The post's length on its platform. */
    public LengthInfo length() {
        if (length == null) length = PlatformLength.measure(input.text(), input.platform());
        return length;
    }

    /** The windows of a gate in this post (one shared scan for the wording rules' gates). */
    List<int[]> windows(KeywordGate gate) {
        int i = WORDING.indexOf(gate);
        if (i < 0) return gate.windows(input.text());
        if (wording == null) wording = WORDING.windows(input.text());
        return wording.get(i);
    }

    /** The figures tied to a financial metric (computed for the first rule that asks). */
    List<Figures.Figure> figures() {
        if (figures == null) figures = Figures.find(input.text());
        return figures;
    }

    List<Entities.Entity> urls() {
        if (urls == null) urls = Entities.urls(input.text(), true);
        return urls;
    }
}
