package io.byline.validation;

import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fast formatting of simple finding messages gives exactly what MessageFormat gives. */
class MessagesTest {
    private static final Object[][] ARGS = {
        {"X", 281, 280}, {"LinkedIn", 123456, 3000}, {"Bluesky", -5, 0}, {5, "a", 7L}, {999, 1000, -1000}, {"", 0, 0},
    };

    @Test
    void simpleFormattingEqualsMessageFormatForEveryBundlePattern() {
        int checked = 0;
        for (Locale l : new Locale[] {Locale.ROOT, new Locale("id")}) {
            ResourceBundle b = ResourceBundle.getBundle(Messages.BUNDLE, l);
            for (String key : b.keySet()) {
                String pattern = b.getString(key);
                for (Object[] args : ARGS) {
                    String fast = Messages.simple(pattern, args);
                    if (fast == null) continue;
                    assertEquals(new MessageFormat(pattern, Locale.ROOT).format(args), fast, key);
                    checked++;
                }
            }
        }
        assertEquals(true, checked > 50, "checked " + checked);
        assertNotNull(Messages.simple("Too long for {0}: {1,number,#} of {2,number,#}", ARGS[0]));
    }

    @Test
    void patternsItCannotFormatGoToMessageFormat() {
        assertNull(Messages.simple("It''s {0}", new Object[] {"x"}));
        assertNull(Messages.simple("{0,number,percent}", new Object[] {1}));
        assertNull(Messages.simple("{0}", new Object[] {12345}));     // would be grouped: 12,345
        assertNull(Messages.simple("{0}", new Object[] {1.5}));
        assertNull(Messages.simple("{1}", new Object[] {"only one"}));
        assertEquals("Too long for X: 12345 of 280", Messages.english("finding.length", "X", 12345, 280));
    }
}
