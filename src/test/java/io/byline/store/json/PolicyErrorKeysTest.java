package io.byline.store.json;

import io.byline.ui.common.I18n;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.Policy;
import io.byline.validation.PolicyException;
import io.byline.validation.PolicyReason;
import io.byline.validation.TermMatcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every reason a policy file is refused for has a bundle key in English and Bahasa Indonesia, and the English
 * bundle says exactly what the command line says. One bad file (JSON or CSV) per reason.
 */
class PolicyErrorKeysTest {
    private static final String ENTRY = "\"category\": \"c\", \"severity\": \"BLOCK\"";
    private static final Pattern KEY = Pattern.compile("\"(policy\\.error\\.[A-Za-z]+)\"");
    /** Sources that raise policy reasons. */
    private static final List<String> SOURCES = List.of("store/json/PolicyJson.java", "store/json/PolicyCsv.java",
            "validation/CompiledPolicy.java", "validation/TextChecks.java", "validation/TermMatcher.java", "validation/GuardedRegex.java",
            "service/PolicyService.java", "service/PolicyRules.java", "service/PolicyTransferService.java",
            "service/PolicyBenchService.java");
    /**
     * Keys no small test file can reach: the 64 MB limits (of a string or of bytes in memory), 500,001 valid
     * entries, the stack-overflow guard (Gson's nesting limit comes first), content after the policy (the strict
     * reader calls it malformed first), a JSON value of no known kind, a JDK
     * regex error without a position, the probe's stack overflow; and the service's own (see PolicyImportTest) and
     * editor-only keys.
     */
    private static final Set<String> NOT_FROM_A_FILE = Set.of("policy.error.policyTooLarge", "policy.error.policyTooLargeLimit",
            "policy.error.fileTooLarge", "policy.error.csvTooLarge", "policy.error.tooManyEntries", "policy.error.nestedTooDeeply",
            "policy.error.trailingContent",
            "policy.error.notAString", "policy.error.invalidRegex", "policy.error.invalidRegexUnknown", "policy.error.regexTooDeep",
            "policy.error.importTooLarge", "policy.error.fileNotFound", "policy.error.cannotRead", "policy.error.cannotParse",
            "policy.error.otherEntry", "policy.error.duplicate", "policy.error.empty", "policy.error.tooLong",
            "policy.error.badRegex", "policy.error.catastrophic", "policy.error.matchesEmpty", "policy.error.category",
            "policy.error.categoryShape", "policy.error.severity", "policy.error.noteTooLong", "policy.error.phraseTooLong",
            "policy.error.domain", "policy.error.notFound", "policy.error.retired");

    @TempDir Path dir;

    private static String json(String entry) {
        return "{\"terms\": [\n  {\"term\": \"Alpha\", " + ENTRY + "},\n  " + entry + "\n]}";
    }

    /** A bad JSON policy per reason: file text → the key it must be refused with. */
    private static Map<String, String> jsonCases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("{\"terms\": [\n  {\"term\": \"A\" \"category\": \"c\"}\n]}", "malformedJson");
        m.put("[]", "notAnObject");
        m.put("{\"terms\": [], \"extra\": 1}", "unknownField");
        m.put("{\"terms\": [], \"terms\": []}", "fieldTwice");
        m.put("{\"name\": \"x\"}", "missingField");
        m.put("{\"terms\": {}}", "notAnArray");
        m.put("{\"version\": 3, \"terms\": []}", "badVersion");
        m.put("{\"terms\": [], \"allow\": \"Komodo dragon\"}", "notAStringArray");
        m.put("{\"terms\": [], \"allow\": [\" \"]}", "emptyItem");
        m.put("{\"terms\": [], \"allow\": [" + "\"a\",".repeat(PolicyJson.MAX_ENTRIES) + "\"a\"]}", "tooManyInList");
        m.put("{\"terms\": [42]}", "entryNotAnObject");
        m.put(json("{\"term\": null, " + ENTRY + "}"), "nullField");
        m.put(json("{\"term\": 42, " + ENTRY + "}"), "notAStringButNumber");
        m.put(json("{\"term\": [\"Beta\"], " + ENTRY + "}"), "notAStringButArray");
        m.put(json("{\"term\": {}, " + ENTRY + "}"), "notAStringButObject");
        m.put(json("{\"term\": true, " + ENTRY + "}"), "notAStringButBoolean");
        m.put(json("{\"term\": \"Beta\", \"note\": \"" + "n".repeat(PolicyJson.MAX_STRING + 1) + "\", " + ENTRY + "}"), "fieldTooLong");
        m.put(json("{\"term\": \"Beta\", \"pattern\": \"b\", " + ENTRY + "}"), "termAndPattern");
        m.put(json("{" + ENTRY + "}"), "noTermOrPattern");
        m.put(json("{\"term\": \"Beta\", \"category\": \" \", \"severity\": \"BLOCK\"}"), "emptyCategory");
        m.put(json("{\"term\": \" \", " + ENTRY + "}"), "emptyTerm");
        m.put(json("{\"pattern\": \"\", " + ENTRY + "}"), "emptyPattern");
        m.put(json("{\"id\": \" \", \"term\": \"Beta\", " + ENTRY + "}"), "emptyId");
        m.put("{\"terms\": [\n  {\"id\": \"k1\", \"term\": \"Alpha\", " + ENTRY + "},\n  {\"id\": \"k1\", \"term\": \"Beta\", " + ENTRY + "}\n]}",
                "duplicateId");
        m.put(json("{\"term\": \"Beta\", \"category\": \"c\", \"severity\": \"SEVERE\"}"), "badSeverity");
        m.put(json("{\"term\": \"Beta\", \"embargoUntil\": \"next week\", " + ENTRY + "}"), "badEmbargoInstant");
        m.put(json("{\"term\": \"" + "Beta ".repeat(101) + "\", " + ENTRY + "}"), "termTooLong");
        m.put(json("{\"term\": \"!!!\", " + ENTRY + "}"), "termNoLetters");
        m.put(json("{\"term\": \"Be\\ud800ta\", " + ENTRY + "}"), "loneSurrogate");
        m.put("{\"terms\": [], \"internalDomains\": [\"intranet example\"]}", "badDomain");
        m.put(json("{\"pattern\": \"" + "a".repeat(2001) + "\", " + ENTRY + "}"), "patternTooLong");
        m.put(json("{\"pattern\": \"AX-[0-9\", " + ENTRY + "}"), "invalidRegexAt");
        m.put(json("{\"pattern\": \"x?\", " + ENTRY + "}"), "patternMatchesEmpty");
        m.put(json("{\"pattern\": \"(a+)+$\", " + ENTRY + "}"), "catastrophicRegex");
        return m;
    }

    /** A bad CSV term list per reason. */
    private static Map<String, String> csvCases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("", "csvEmpty");
        m.put("\uFEFF", "csvNoHeader");
        m.put("term,category,severity,colour\nA,c,BLOCK,red\n", "csvUnknownColumn");
        m.put("term,category,severity,Category\nA,c,BLOCK,c\n", "csvColumnTwice");
        m.put("category,severity\nc,BLOCK\n", "csvNoTermColumn");
        m.put("term,category\nA,c\n", "csvMissingColumn");
        m.put("a\n".repeat(PolicyCsv.MAX_ROWS + 2), "csvTooManyRows");
        m.put("term,category,severity\nA,c,BLOCK\nB,c\n", "csvFieldCount");
        m.put("term,pattern,category,severity\nA,\\bA\\b,c,BLOCK\n", "csvTermAndPattern");
        m.put("term,category,severity\n ,c,BLOCK\n", "csvEmptyTerm");
        m.put("term,category,severity\nA, ,BLOCK\n", "emptyCategory");
        m.put("term,category,severity,note\nA,c,BLOCK," + "n".repeat(PolicyJson.MAX_STRING + 1) + "\n", "csvFieldTooLong");
        m.put("term,category,severity\nA,c,SEVERE\n", "badSeverity");
        m.put("term,category,severity,embargoUntil\nA,c,BLOCK,next week\n", "badEmbargoDate");
        m.put("term,category,severity\n", "csvNoEntries");
        m.put("term,category,severity\nab\"c,codename,BLOCK\n", "csvStrayQuote");
        m.put("term,category,severity\n\"abc\"x,codename,BLOCK\n", "csvTextAfterQuote");
        m.put("term,category,severity\n\"Open quote,codename,BLOCK\n", "csvUnclosedQuote");
        m.put("term,category,severity\nBe\uD800ta,codename,BLOCK\n", "csvLoneSurrogate");
        // found when the list is compiled (as the import preview does)
        m.put("term,category,severity\nAlpha,c,BLOCK\nalpha,c,WARN\n", "duplicateTerm");
        m.put("pattern,category,severity\n(a+)+$,c,BLOCK\n", "catastrophicRegex");
        return m;
    }

    @Test
    void everyReasonAFileIsRefusedForHasAKeyInBothLanguages() throws Exception {
        Properties en = bundle("policy.properties");
        Properties id = bundle("policy_id.properties");
        I18n english = I18n.of(Locale.ENGLISH);
        I18n indonesian = I18n.of(Locale.forLanguageTag("id"));
        Set<String> seen = new TreeSet<>();
        List<String> problems = new ArrayList<>();

        for (Map.Entry<String, String> c : jsonCases().entrySet()) {
            PolicyException e = jsonError(c.getKey());
            expect("policy.error." + c.getValue(), e, c.getKey(), problems);
            seen.add(check(e.why(), e.getMessage(), en, id, english, indonesian, problems));
        }
        for (Map.Entry<String, String> c : csvCases().entrySet()) {
            List<PolicyException> errors = csvErrors(c.getKey());
            assertFalse(errors.isEmpty(), "accepted: " + shorten(c.getKey()));
            expect("policy.error." + c.getValue(), errors.get(0), c.getKey(), problems);
            for (PolicyException e : errors) seen.add(check(e.why(), e.getMessage(), en, id, english, indonesian, problems));
        }
        // reasons raised outside a parse: strict UTF-8, no text at all, a file over the limit, the matcher and
        // the compiler on their own
        PolicyException encoding = assertThrowsPolicy(() -> PolicyJson.decode(new byte[] {'{', (byte) 0xff, '}'}));
        expect("policy.error.badEncoding", encoding, "bytes", problems);
        PolicyException none = assertThrowsPolicy(() -> PolicyJson.parse(null));
        expect("policy.error.noPolicy", none, "null", problems);
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(PolicyJson.MAX_BYTES + 1); // sparse: nothing is written
        }
        PolicyException tooBig = assertThrowsPolicy(() -> PolicyJson.read(big));
        expect("policy.error.fileTooLargeSize", tooBig, "big file", problems);
        PolicyException allow = assertThrowsPolicy(() -> CompiledPolicy.compile(new Policy("", List.of(), List.of(" "), List.of())));
        expect("policy.error.emptyAllowed", allow, "allow", problems);
        for (PolicyException e : List.of(encoding, none, tooBig, allow)) {
            seen.add(check(e.why(), e.getMessage(), en, id, english, indonesian, problems));
        }
        try {
            TermMatcher.compile(List.of("Alpha", "ALPHA"), List.of());
            fail("duplicate terms compiled");
        } catch (TermMatcher.KeyException e) {
            seen.add(check(e.reason(), e.getMessage(), en, id, english, indonesian, problems));
        }
        assertEquals(List.of(), problems);

        Set<String> raised = raisedKeys();
        Set<String> notCovered = new TreeSet<>(raised);
        notCovered.removeAll(seen);
        notCovered.removeAll(NOT_FROM_A_FILE);
        assertEquals(Set.of(), notCovered, "reasons without a bad file in this test");
        Set<String> untranslated = new TreeSet<>();
        for (String k : raised) if (!en.containsKey(k) || !id.containsKey(k)) untranslated.add(k);
        assertEquals(Set.of(), untranslated, "keys missing in a bundle");
    }

    /** Every policy.error text is a valid message pattern, and the Indonesian one is not the English one. */
    @Test
    void theReasonTextsAreValidPatternsInBothLanguages() throws IOException {
        Properties en = bundle("policy.properties");
        Properties id = bundle("policy_id.properties");
        for (String k : en.stringPropertyNames()) {
            if (!k.startsWith("policy.error.")) continue;
            new MessageFormat(en.getProperty(k), Locale.ENGLISH);
            new MessageFormat(id.getProperty(k), Locale.forLanguageTag("id"));
            assertNotEquals(en.getProperty(k), id.getProperty(k), k + " is not translated");
            assertFalse(id.getProperty(k).contains("'"), k + ": a quote in a message pattern must be doubled");
        }
    }

    /**
     * The key's English text is the exception's reason word for word; the Indonesian differs and keeps every text
     * argument (the file's own words and a library's detail) as it is. Returns the key.
     */
    private static String check(PolicyReason why, String message, Properties en, Properties id, I18n english, I18n indonesian,
                                List<String> problems) {
        String key = why.key();
        if (key == null) {
            problems.add("no key: " + message);
            return "";
        }
        if (!en.containsKey(key) || !id.containsKey(key)) {
            problems.add(key + " missing in " + (en.containsKey(key) ? "Indonesian" : "English"));
            return key;
        }
        Object[] args = why.args().toArray();
        String inEnglish = english.text(key, args);
        if (!inEnglish.equals(why.english())) problems.add(key + ": English bundle says [" + inEnglish + "], code says [" + why.english() + "]");
        if (!message.contains(why.english())) problems.add(key + ": message [" + message + "] lacks its reason");
        String inIndonesian = indonesian.text(key, args);
        if (inIndonesian.equals(inEnglish)) problems.add(key + ": Indonesian is the English [" + inEnglish + "]");
        for (Object a : why.args()) {
            if (a instanceof String s && !inIndonesian.contains(s)) problems.add(key + ": Indonesian drops [" + s + "]");
        }
        return key;
    }

    private static void expect(String key, PolicyException e, String input, List<String> problems) {
        if (!key.equals(e.key())) problems.add("expected " + key + " for [" + shorten(input) + "], got " + e.key() + ": " + e.getMessage());
    }

    private static PolicyException jsonError(String json) {
        return assertThrowsPolicy(() -> PolicyJson.parseAndCompile(json));
    }

    /** The CSV's errors, or the error of compiling its entries (duplicates, bad patterns) when it parses. */
    private static List<PolicyException> csvErrors(String csv) {
        PolicyCsv.Result r = PolicyCsv.parse(csv);
        if (!r.ok()) return r.errors();
        try {
            CompiledPolicy.compile(new Policy("", r.terms(), List.of(), List.of()));
            return List.of();
        } catch (PolicyException e) {
            return List.of(e);
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static PolicyException assertThrowsPolicy(Call call) {
        try {
            call.run();
        } catch (PolicyException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("not a PolicyException", e);
        }
        throw new AssertionError("no PolicyException");
    }

    /** The policy.error keys the policy code raises (from its sources). */
    private static Set<String> raisedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String s : SOURCES) {
            Matcher m = KEY.matcher(Files.readString(Path.of("src/main/java/io/byline", s)));
            while (m.find()) keys.add(m.group(1));
        }
        assertTrue(keys.size() > 60, "found only " + keys.size() + " keys");
        return keys;
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PolicyErrorKeysTest.class.getResourceAsStream("/io/byline/i18n/" + name)) {
            assertNotNull(in, name);
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    private static String shorten(String s) {
        String t = s.replace("\n", "\\n");
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }
}
