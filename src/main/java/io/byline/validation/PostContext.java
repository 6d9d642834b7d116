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
    private List<Figures.Figure> figures;

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
