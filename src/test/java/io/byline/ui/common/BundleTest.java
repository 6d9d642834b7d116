package io.byline.ui.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text the app shows exists in English and Bahasa Indonesia. */
class BundleTest {
    private static final Path MAIN = Path.of("src", "main");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.-]+)\"");
    /** Keys used from Java: i18n.text("key" …) and the bundle keys services put in ValidationExceptions. */
    private static final Pattern CODE_KEY = Pattern.compile("(?:\\.text|keyOrText)\\(\"([a-z][A-Za-z0-9_.-]+)\"");
    /** Any string literal that could be a key or a key's prefix. */
    private static final Pattern STRING = Pattern.compile("\"([A-Za-z0-9_.-]+)\"");
    private static final Pattern ERROR_KEY = Pattern.compile("\"([a-z]+\\.error\\.[A-Za-z]+)\"");
    /** Areas whose field-error keys the messages family ships (the other areas' families ship theirs). */
    private static final Set<String> OWNED_HERE = Set.of("executives", "accounts", "users", "setup", "signin");

    @Test
    void bothLanguagesOfEachFamilyHaveTheSameKeys() throws IOException {
        int families = 0;
        for (String family : I18n.FAMILIES) {
            Properties en = load(family + ".properties");
            Properties id = load(family + "_id.properties");
            if (en == null && id == null) continue;
            families++;
            assertTrue(en != null && id != null, family + " must ship both English and Indonesian");
            Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
            onlyEn.removeAll(id.stringPropertyNames());
            Set<String> onlyId = new TreeSet<>(id.stringPropertyNames());
            onlyId.removeAll(en.stringPropertyNames());
            assertEquals(Set.of(), onlyEn, family + ": keys missing in Indonesian");
            assertEquals(Set.of(), onlyId, family + ": keys missing in English");
            for (String k : id.stringPropertyNames()) {
                assertTrue(!id.getProperty(k).isBlank(), family + "_id: empty text for " + k);
            }
        }
        assertTrue(families >= 1);
    }

    /**
     * A label's mnemonic ({@code _N} in {@code _Name}) is there in both languages or in neither, once: a keyboard
     * user switching languages keeps an Alt+letter for every field (the letter may differ).
     */
    @Test
    void mnemonicsAreInBothLanguagesOnce() throws IOException {
        List<String> problems = new ArrayList<>();
        Pattern marker = Pattern.compile("_\\p{L}");
        for (String family : I18n.FAMILIES) {
            Properties en = load(family + ".properties");
            Properties id = load(family + "_id.properties");
            if (en == null || id == null) continue;
            for (String k : en.stringPropertyNames()) {
                if (!id.containsKey(k) || k.contains(".hint") || k.contains(".error")) continue;
                long inEn = marker.matcher(en.getProperty(k)).results().count();
                long inId = marker.matcher(id.getProperty(k)).results().count();
                if (inEn != inId || inEn > 1) problems.add(family + ": " + k + " has " + inEn + " mnemonic(s) in English, " + inId + " in Indonesian");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noKeyIsDefinedInTwoFamilies() throws IOException {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (String family : I18n.FAMILIES) {
            Properties en = load(family + ".properties");
            if (en == null) continue;
            for (String k : en.stringPropertyNames()) {
                String before = owner.putIfAbsent(k, family);
                if (before != null) clashes.add(k + " in " + before + " and " + family);
            }
        }
        assertEquals(List.of(), clashes);
    }

    @Test
    void everyKeyUsedInFxmlAndCodeExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".fxml")) collect(FXML_KEY, Files.readString(f), used);
                if (name.endsWith(".java")) {
                    String src = Files.readString(f);
                    collect(CODE_KEY, src, used);
                    Set<String> errors = new TreeSet<>();
                    collect(ERROR_KEY, src, errors);
                    errors.removeIf(k -> !OWNED_HERE.contains(k.substring(0, k.indexOf('.'))));
                    used.addAll(errors);
                }
            }
        }
        used.removeIf(k -> k.endsWith(".")); // prefixes of keys built from enums: checked in enumKeysExist
        assertTrue(used.size() > 50, "found only " + used.size() + " keys");
        for (Locale l : I18n.LANGUAGES) {
            I18n i18n = I18n.of(l);
            Set<String> missing = new TreeSet<>();
            for (String k : used) if (!i18n.has(k)) missing.add(k);
            assertEquals(Set.of(), missing, "keys missing in " + l);
        }
    }

    /** Field-error keys that services raise in areas other than {@link #OWNED_HERE} exist in both languages too. */
    @Test
    void otherAreasErrorKeysAreTranslated() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(ERROR_KEY, Files.readString(f), keys);
            }
        }
        keys.removeIf(k -> OWNED_HERE.contains(k.substring(0, k.indexOf('.'))));
        Set<String> missing = new TreeSet<>();
        for (Locale l : I18n.LANGUAGES) {
            I18n i18n = I18n.of(l);
            for (String k : keys) if (!i18n.has(k)) missing.add(k);
        }
        assertEquals(Set.of(), missing, "service error keys without a translation (add them to their area's bundle family)");
    }

    /**
     * Every key of every family is used: named in FXML ({@code %key}) or in code as a string, or built in code from
     * a prefix ending in a dot ({@code "finding." + rule}). A key nothing uses is a text nobody sees, left to drift.
     */
    @Test
    void everyKeyIsUsed() throws IOException {
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".fxml")) collect(FXML_KEY, Files.readString(f), literals);
                if (name.endsWith(".java")) collect(STRING, Files.readString(f), literals);
            }
        }
        List<String> prefixes = literals.stream().filter(k -> k.endsWith(".")).toList();
        Set<String> unused = new TreeSet<>();
        for (String family : I18n.FAMILIES) {
            Properties en = load(family + ".properties");
            if (en == null) continue;
            for (String k : en.stringPropertyNames()) {
                if (!literals.contains(k) && prefixes.stream().noneMatch(k::startsWith)) unused.add(family + ": " + k);
            }
        }
        assertEquals(Set.of(), unused, "keys nothing uses");
    }

    @Test
    void enumKeysExist() {
        for (Locale l : I18n.LANGUAGES) {
            I18n i18n = I18n.of(l);
            for (var r : io.byline.domain.Role.values()) {
                String k = "role." + r.name().toLowerCase(Locale.ROOT);
                assertTrue(i18n.has(k) && i18n.has(k + ".description"), k + " in " + l);
            }
            for (var c : io.byline.domain.Capacity.values()) {
                assertTrue(i18n.has("capacity." + c.name().toLowerCase(Locale.ROOT)), c + " in " + l);
            }
            for (var p : io.byline.domain.Platform.values()) {
                assertTrue(i18n.has("accounts.handle.hint." + p.id()), p + " in " + l);
            }
        }
    }

    @Test
    void everyStorageProblemHasWords() {
        for (Locale l : I18n.LANGUAGES) {
            I18n i18n = I18n.of(l);
            for (var kind : io.byline.domain.StorageException.Kind.values()) {
                var p = i18n.problem(new io.byline.domain.StorageException(kind, "detail"));
                assertTrue(!p.what().startsWith("!") && !p.action().startsWith("!"), kind + " in " + l);
            }
            assertTrue(!i18n.problem(new io.byline.domain.PermissionDeniedException("x")).what().startsWith("!"));
        }
    }

    @Test
    void indonesianIsReallyIndonesian() {
        assertEquals("Masuk", I18n.of(Locale.forLanguageTag("id")).text("signin.submit"));
        assertEquals("Sign in", I18n.of(Locale.ENGLISH).text("signin.submit"));
        assertEquals("Sign in", I18n.of(Locale.GERMAN).text("signin.submit"), "unknown languages fall back to English");
    }

    private static void collect(Pattern p, String text, Set<String> into) {
        Matcher m = p.matcher(text);
        while (m.find()) into.add(m.group(1));
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = BundleTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return null;
            Properties p = new Properties();
            try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return p;
        }
    }
}
