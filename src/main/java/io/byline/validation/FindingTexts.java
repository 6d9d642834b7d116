package io.byline.validation;

import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.RuleIds;

import java.util.Locale;

/**
 * How a finding is worded for a person, in one place: Compose, the Queue, Risks, the Dashboard and the evidence
 * bundle all ask here, so the same finding reads the same everywhere. Texts come from the {@code findings} bundle
 * ({@link Messages}); a message never contains the matched text (it may be a confidential term).
 */
public final class FindingTexts {
    private FindingTexts() {}

    /** The message of a fresh finding on a platform's text; {@code text} is that platform's whole text. */
    public static String message(Locale locale, Finding f, Platform platform, String text) {
        return message(locale, f.rule(), f.messageKey(), f.category(), platform, text, f.message());
    }

    /** The message of a stored finding; {@code text} is the version's text on the finding's platform, or null when not at hand. */
    public static String message(Locale locale, PostFinding f, String text) {
        return message(locale, f.rule(), f.messageKey(), f.category(), f.platform(), text, null);
    }

    /**
     * The message: a length finding says the count the platform's way ({@link PlatformLength}), or only the platform
     * when the text is not at hand; otherwise the rule and category's own text, else the finding's key (a key with a
     * placeholder gets the category), else the rule's, else {@code fallback} or the rule id.
     */
    public static String message(Locale locale, String rule, String messageKey, String category, Platform platform,
                                 String text, String fallback) {
        if (RuleIds.LENGTH.equals(rule)) {
            if (platform == null) return Messages.get(locale, "rule." + RuleIds.LENGTH);
            if (text == null) return Messages.get(locale, "finding.length.over", platform.displayName());
            LengthInfo info = PlatformLength.measure(text, platform);
            return Messages.get(locale, "finding.length", platform.displayName(), info.count(), info.limit());
        }
        String arg = category == null ? "" : category;
        if (category != null && Messages.has("finding." + rule + "." + category)) {
            return Messages.get(locale, "finding." + rule + "." + category);
        }
        if (messageKey != null && Messages.has(messageKey)) return Messages.get(locale, messageKey, arg);
        if (Messages.has("finding." + rule)) return Messages.get(locale, "finding." + rule, arg);
        return fallback != null ? fallback : rule;
    }

    /**
     * A group of findings named for a person, as charts and filters show it: a policy category ({@code codename}) or
     * a rule id ({@code lexicon}, {@code length}); a length finding's category is its platform's id ({@code x});
     * its own id when the bundle does not name it.
     */
    public static String groupName(Locale locale, String categoryOrRule) {
        if (categoryOrRule == null) return "";
        for (String key : new String[] {"category." + categoryOrRule, "rule." + categoryOrRule}) {
            if (Messages.has(key)) return Messages.get(locale, key);
        }
        for (Platform p : Platform.values()) {
            if (p.id().equals(categoryOrRule)) return Messages.get(locale, "finding.length.over", p.displayName());
        }
        return categoryOrRule;
    }
}
