package io.byline.validation;

import io.byline.domain.Platform;
import io.byline.domain.PostFinding;
import io.byline.domain.RuleIds;
import io.byline.domain.Severity;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** One wording of a finding for every screen: categories filled in, lengths counted the platform's way. */
class FindingTextsTest {
    private static final Locale ID = Locale.forLanguageTag("id");

    private static PostFinding stored(String rule, String category, String key, Platform p) {
        return new PostFinding(1, p, rule, Severity.BLOCK, 0, 4, category, null, key, "fp", null);
    }

    @Test
    void aCategoryWithoutItsOwnTextIsNamedInTheGeneralMessage() {
        PostFinding f = stored(RuleIds.LEXICON, "vendor", "finding.lexicon", Platform.X);
        assertEquals("Confidential term (vendor)", FindingTexts.message(Locale.ENGLISH, f, "Bluebird"));
        assertEquals("Istilah rahasia (vendor)", FindingTexts.message(ID, f, "Bluebird"));
    }

    @Test
    void aCategoryWithItsOwnTextUsesIt() {
        assertEquals("Confidential codename",
                FindingTexts.message(Locale.ENGLISH, stored(RuleIds.LEXICON, "codename", "finding.lexicon", Platform.X), "x"));
    }

    @Test
    void lengthIsCountedThePlatformsWay() {
        String cjk = "漢".repeat(150); // 150 code points, weighted 300 on X
        PostFinding f = stored(RuleIds.LENGTH, "x", "finding.length", Platform.X);
        assertEquals("Too long for X: 300 of 280", FindingTexts.message(Locale.ENGLISH, f, cjk));
        assertEquals("Terlalu panjang untuk X: 300 dari 280", FindingTexts.message(ID, f, cjk));
        assertEquals("Too long for X", FindingTexts.message(Locale.ENGLISH, f, null), "no count when the text is not at hand");
    }

    @Test
    void noMessageShowsAPlaceholderOrAKey() {
        for (Locale l : new Locale[] {Locale.ENGLISH, ID}) {
            for (String[] r : new String[][] {{RuleIds.LEXICON, null, "finding.lexicon"}, {RuleIds.PII_EMAIL, "email", "finding.pii.email"},
                    {RuleIds.MEDIA_ALT_TEXT, "media", "finding.media.altText"}, {RuleIds.POLICY_INVALID, "policy", "finding.policy.invalid"},
                    {RuleIds.INTERNAL_LINK, "ip", "finding.internalLink.ip"}}) {
                String m = FindingTexts.message(l, stored(r[0], r[1], r[2], null), "text");
                assertFalse(m.contains("{") || m.startsWith("finding."), r[0] + " in " + l + ": " + m);
            }
        }
    }

    @Test
    void groupsAreNamedByCategoryRuleOrPlatform() {
        assertEquals("Codenames", FindingTexts.groupName(Locale.ENGLISH, "codename"));
        assertEquals("Nama sandi", FindingTexts.groupName(ID, "codename"));
        assertEquals("Confidential terms", FindingTexts.groupName(Locale.ENGLISH, RuleIds.LEXICON));
        assertEquals("Too long for LinkedIn", FindingTexts.groupName(Locale.ENGLISH, "linkedin"));
        assertEquals("vendor", FindingTexts.groupName(Locale.ENGLISH, "vendor"));
    }
}
