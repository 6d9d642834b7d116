package io.byline.service.posts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every bundle key the post services hand to the UI exists in English and Bahasa Indonesia. */
class PostBundleKeysTest {
    private static final Pattern KEY = Pattern.compile(
            "\"((?:compose|workflow|findings|finding|notification|publish|versions|posts|chains|comments|settings)\\.[A-Za-z.]+)\"");

    @Test
    void everyKeyIsInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String f : new String[] {"DraftService", "ReviewService", "PublishService", "PostSupport", "ValidatorPostChecker"}) {
            Matcher m = KEY.matcher(Files.readString(Path.of("src/main/java/io/byline/service", f + ".java")));
            while (m.find()) keys.add(m.group(1));
        }
        keys.remove("finding.override");
        keys.remove("finding.acknowledge");
        for (String lang : new String[] {"", "_id"}) {
            Properties all = new Properties();
            for (String family : new String[] {"messages", "findings", "compose", "queue"}) {
                try (InputStream in = getClass().getResourceAsStream("/io/byline/i18n/" + family + lang + ".properties")) {
                    if (in != null) all.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
            Set<String> missing = new TreeSet<>(keys);
            missing.removeAll(all.stringPropertyNames());
            assertTrue(missing.isEmpty(), "missing in messages" + lang + ": " + missing);
        }
    }
}
