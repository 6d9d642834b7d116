package io.byline.ui.queue;

import io.byline.domain.PostFinding;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;
import io.byline.domain.WordDiff;
import io.byline.ui.common.I18n;
import io.byline.ui.common.Severities;
import io.byline.validation.FindingTexts;

import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Read-only text with its findings marked (bold, underlined, in the severity's colour, with the message as a
 * tooltip: never colour alone), and word diffs (insertions underlined, deletions struck through).
 */
final class Highlights {
    private Highlights() {}

    /** The text with the findings' spans marked; findings outside the text are ignored. */
    static TextFlow findings(String text, List<PostFinding> findings, I18n i18n) {
        int n = text.length();
        Severity[] worst = new Severity[n];
        List<List<PostFinding>> covering = new ArrayList<>(n);
        for (int i = 0; i < n; i++) covering.add(null);
        for (PostFinding f : findings) {
            if (f.rule().equals(RuleIds.LENGTH) || f.end() <= f.start()) continue;
            for (int i = Math.max(0, f.start()); i < Math.min(n, f.end()); i++) {
                worst[i] = Severity.worst(worst[i], f.severity());
                if (covering.get(i) == null) covering.set(i, new ArrayList<>());
                covering.get(i).add(f);
            }
        }
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("post-text");
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && worst[j] == worst[i] && same(covering.get(j), covering.get(i))) j++;
            Text t = new Text(text.substring(i, j));
            t.getStyleClass().add("post-text-run");
            if (worst[i] != null) {
                t.getStyleClass().addAll("hl", "hl-" + worst[i].name().toLowerCase(Locale.ROOT));
                StringBuilder tip = new StringBuilder();
                for (PostFinding f : covering.get(i)) {
                    if (tip.length() > 0) tip.append('\n');
                    tip.append(Severities.name(f.severity(), i18n)).append(": ").append(FindingTexts.message(i18n.locale(), f, text));
                }
                Tooltip.install(t, new Tooltip(tip.toString()));
            }
            flow.getChildren().add(t);
            i = j;
        }
        return flow;
    }

    private static boolean same(List<PostFinding> a, List<PostFinding> b) {
        return a == null ? b == null : a.equals(b);
    }

    /** A word diff: unchanged text plain, insertions underlined in green, deletions struck through in red. */
    static TextFlow diff(List<WordDiff.Segment> segments) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().addAll("post-text", "diff");
        for (WordDiff.Segment s : segments) {
            Text t = new Text(s.text());
            t.getStyleClass().add("post-text-run");
            if (s.op() == WordDiff.Op.INSERT) t.getStyleClass().add("diff-insert");
            if (s.op() == WordDiff.Op.DELETE) t.getStyleClass().add("diff-delete");
            flow.getChildren().add(t);
        }
        return flow;
    }
}
