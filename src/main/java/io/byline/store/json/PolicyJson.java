package io.byline.store.json;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.byline.domain.Severity;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.Policy;
import io.byline.validation.PolicyException;
import io.byline.validation.PolicyReason;
import io.byline.validation.PolicyTerm;
import io.byline.validation.TermMerge;
import io.byline.validation.TextChecks;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy file format (import and export), strictly: malformed JSON is reported with its line and column;
 * unknown fields, wrong types, nulls, missing required fields, both or neither of term/pattern, empty or duplicate
 * terms (after normalisation), bad or catastrophic regexes, bad severities or dates are a {@link PolicyException}
 * naming the entry (index, term or pattern) and its line. All or nothing: a policy is returned only when all of it
 * is valid. Limits (B3): {@link #MAX_BYTES} of input, {@link #MAX_ENTRIES} entries, nesting depth
 * {@link #MAX_DEPTH}; the reader is streaming and iterative, so no input can overflow the stack.
 */
public final class PolicyJson {
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    public static final int MAX_ENTRIES = 500_000;
    public static final int MAX_DEPTH = 16;
    public static final int MAX_STRING = 10_000;

    private static final Set<String> TOP = Set.of("name", "version", "terms", "allow", "internalDomains", "facts", "doNotEngage",
            "quietPeriods");
    private static final Set<String> ENTRY = Set.of("id", "term", "pattern", "category", "severity", "embargoUntil", "note");
    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    private PolicyJson() {}

    /** Parses and fully validates a policy (including compiling it once, to find duplicates and bad regexes). */
    public static Policy parse(String json) throws PolicyException {
        return parseAndCompile(json).policy();
    }

    /** Parses, validates and compiles; the compiled policy holds the parsed {@link Policy}, its equal terms merged. */
    public static CompiledPolicy parseAndCompile(String json) throws PolicyException {
        return parseMerging(json).compiled();
    }

    /**
     * A policy read, with its terms that are equal after normalisation merged ({@link TermMerge}).
     *
     * @param merges what was merged, each naming the lines of both entries
     */
    public record Read(CompiledPolicy compiled, List<TermMerge.Merge> merges) {
        public Read {
            merges = List.copyOf(merges);
        }
    }

    /** Parses, validates, merges equal terms and compiles; errors name the entry's index and line in the file. */
    public static Read parseMerging(String json) throws PolicyException {
        Parsed p = parseStructure(json);
        try {
            return new Read(CompiledPolicy.compile(p.policy), List.of());
        } catch (PolicyException e) {
            // only a file with equal terms pays for merging them (and compiling again)
            if (!"policy.error.duplicateTerm".equals(e.key())) throw located(json, e, p.policy.terms().size(), List.of());
        }
        TermMerge.Result m = TermMerge.merge(p.policy.terms(), i -> locateEntry(json, i)[0]);
        Policy merged = new Policy(p.policy.name(), m.terms(), p.policy.allow(), p.policy.internalDomains());
        try {
            return new Read(CompiledPolicy.compile(merged), m.merges());
        } catch (PolicyException e) {
            throw located(json, e, m.sources().size(), m.sources());
        }
    }

    /** The error at its entry's line and column; {@code sources} maps compiled entries to the file's (empty: same). */
    private static PolicyException located(String json, PolicyException e, int entries, List<Integer> sources) {
        if (e.entryIndex() < 0 || e.entryIndex() >= entries) return e;
        int entry = sources.isEmpty() ? e.entryIndex() : sources.get(e.entryIndex());
        int[] lc = locateEntry(json, entry);
        return new PolicyException(e.why(), entry, e.entryLabel(), lc[0], lc[1]);
    }

    /**
     * Line and column of entry {@code index} of {@code terms} (where its object starts), found by reading the JSON
     * again. Only needed for an error message, so the normal parse does not track entry positions.
     */
    private static int[] locateEntry(String json, int index) {
        JsonReader r = new JsonReader(new StringReader(json));
        r.setStrictness(Strictness.STRICT);
        r.setNestingLimit(MAX_DEPTH);
        try {
            r.beginObject();
            while (r.hasNext()) {
                if (!r.nextName().equals("terms")) {
                    r.skipValue();
                    continue;
                }
                r.beginArray();
                for (int i = 0; i < index; i++) r.skipValue();
                r.beginObject();
                return location(r);
            }
        } catch (IOException | RuntimeException e) {
            // fall through: unknown position
        }
        return new int[] {-1, -1};
    }

    /** Reads a policy file (UTF-8, at most {@link #MAX_BYTES}); see {@link #parseAndCompile(String)}. */
    public static CompiledPolicy read(Path file) throws PolicyException, IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new PolicyException(PolicyReason.of("policy.error.fileTooLargeSize",
                    "policy file too large (" + size + " bytes, limit " + MAX_BYTES + ")", size, MAX_BYTES));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parseAndCompile(decode(in.readNBytes((int) MAX_BYTES + 1)));
        }
    }

    /** Strict UTF-8 decoding: invalid bytes are a policy error, not silently replaced. */
    static String decode(byte[] bytes) throws PolicyException {
        if (bytes.length > MAX_BYTES) {
            throw new PolicyException(PolicyReason.of("policy.error.fileTooLarge", "policy file too large (limit " + MAX_BYTES + " bytes)",
                    MAX_BYTES));
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (!s.isEmpty() && s.charAt(0) == '\uFEFF') s = s.substring(1);
            return s;
        } catch (CharacterCodingException e) {
            throw new PolicyException(PolicyReason.of("policy.error.badEncoding", "policy file is not valid UTF-8"));
        }
    }

    private record Parsed(Policy policy, int entries) {}

    static int[] location(JsonReader r) {
        Matcher m = LOCATION.matcher(r.toString());
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : new int[] {-1, -1};
    }

    private static PolicyException malformed(Exception e) {
        String msg = e.getMessage() == null ? "malformed JSON" : e.getMessage();
        Matcher m = LOCATION.matcher(msg);
        int line = -1, col = -1;
        if (m.find()) {
            line = Integer.parseInt(m.group(1));
            col = Integer.parseInt(m.group(2));
        }
        String reason = msg;
        int at = reason.indexOf(" at line ");
        if (at > 0) reason = reason.substring(0, at);
        int see = reason.indexOf("\nSee ");
        if (see > 0) reason = reason.substring(0, see);
        String detail = reason.trim(); // Gson's own words, kept as they are in every language
        return new PolicyException(PolicyReason.of("policy.error.malformedJson", "malformed JSON: " + detail, detail), -1, null, line, col);
    }

    private static Parsed parseStructure(String json) throws PolicyException {
        if (json == null) throw new PolicyException(PolicyReason.of("policy.error.noPolicy", "no policy"));
        if (json.length() > MAX_BYTES) throw new PolicyException(PolicyReason.of("policy.error.policyTooLarge", "policy too large"));
        JsonReader r = new JsonReader(new StringReader(json));
        r.setStrictness(Strictness.STRICT);
        r.setNestingLimit(MAX_DEPTH);
        try {
            return readPolicy(r);
        } catch (EntryError e) {
            int[] lc = locateEntry(json, e.error.entryIndex());
            throw e.error.at(lc[0], lc[1]);
        } catch (PolicyException e) {
            throw e;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw malformed(e);
        } catch (StackOverflowError e) {
            throw new PolicyException(PolicyReason.of("policy.error.nestedTooDeeply", "policy nested too deeply"));
        }
    }

    private static Parsed readPolicy(JsonReader r) throws IOException, PolicyException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            throw fieldError(r, PolicyReason.of("policy.error.notAnObject", "the policy must be a JSON object"), -1, null);
        }
        r.beginObject();
        String name = null;
        List<PolicyTerm> terms = null;
        List<String> allow = List.of();
        List<String> domains = List.of();
        PolicyFactsJson.Builder parts = new PolicyFactsJson.Builder();
        Set<String> seen = new HashSet<>();
        while (r.hasNext()) {
            String field = r.nextName();
            if (!TOP.contains(field)) throw fieldError(r, unknownField(field), -1, null);
            if (!seen.add(field)) throw fieldError(r, fieldTwice(field), -1, null);
            if (PolicyFactsJson.PARTS.contains(field)) {
                parts.read(field, r);
                continue;
            }
            switch (field) {
                case "name":
                    name = string(r, field, -1, null);
                    break;
                case "version":
                    readVersion(r);
                    break;
                case "terms":
                    terms = readTerms(r);
                    break;
                case "allow":
                    allow = strings(r, field);
                    break;
                default:
                    domains = strings(r, field);
                    break;
            }
        }
        r.endObject();
        if (r.peek() != JsonToken.END_DOCUMENT) {
            throw fieldError(r, PolicyReason.of("policy.error.trailingContent", "unexpected content after the policy object"), -1, null);
        }
        if (terms == null) throw new PolicyException(missingField("terms"));
        return new Parsed(new Policy(name, terms, allow, domains, parts.build()), terms.size());
    }

    /** "version": 1 (terms only) or 2 (with facts, do-not-engage accounts, quiet periods); either reads the same. */
    private static void readVersion(JsonReader r) throws IOException, PolicyException {
        String v = r.peek() == JsonToken.NUMBER ? r.nextString() : null;
        if (v == null || !(v.equals("1") || v.equals(String.valueOf(PolicyFactsJson.VERSION)))) {
            if (v == null) r.skipValue();
            throw fieldError(r, PolicyReason.of("policy.error.badVersion", "unsupported policy version " + v + " (1 or 2)", v), -1, null);
        }
    }

    /** A problem with a whole entry, to be located at the start of the entry (see {@link #locateEntry}). */
    private static final class EntryError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient PolicyException error;

        EntryError(PolicyException error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    private static List<PolicyTerm> readTerms(JsonReader r) throws IOException, PolicyException {
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            throw fieldError(r, PolicyReason.of("policy.error.notAnArray", "\"terms\" must be an array", "terms"), -1, null);
        }
        r.beginArray();
        List<PolicyTerm> out = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        while (r.hasNext()) {
            int index = out.size();
            if (index >= MAX_ENTRIES) {
                throw fieldError(r, PolicyReason.of("policy.error.tooManyEntries", "too many entries (limit " + MAX_ENTRIES + ")",
                        MAX_ENTRIES), index, null);
            }
            out.add(readEntry(r, index, ids));
        }
        r.endArray();
        return out;
    }

    /** One entry of "terms" (its own method: the loop above stays small for the JIT on a 100,000-entry policy). */
    private static PolicyTerm readEntry(JsonReader r, int index, Map<String, Integer> ids) throws IOException, PolicyException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            throw fieldError(r, PolicyReason.of("policy.error.entryNotAnObject", "an entry must be a JSON object"), index, null);
        }
        r.beginObject();
        String id = null, term = null, pattern = null, category = null, note = null;
        Severity severity = null;
        Instant embargo = null;
        Set<String> seen = new HashSet<>();
        String label = null;
        while (r.hasNext()) {
            String f = r.nextName();
            if (!ENTRY.contains(f)) throw fieldError(r, unknownField(f), index, label);
            if (!seen.add(f)) throw fieldError(r, fieldTwice(f), index, label);
            switch (f) {
                case "id": id = string(r, f, index, label); break;
                case "term": term = string(r, f, index, label); label = term; break;
                case "pattern": pattern = string(r, f, index, label); label = pattern; break;
                case "category": category = string(r, f, index, label); break;
                case "note": note = string(r, f, index, label); break;
                case "severity": {
                    String s = string(r, f, index, label);
                    try {
                        severity = Severity.valueOf(s);
                    } catch (IllegalArgumentException e) {
                        throw fieldError(r, PolicyReason.of("policy.error.badSeverity", "bad severity \"" + s + "\" (BLOCK, WARN or INFO)", s),
                                index, label);
                    }
                    break;
                }
                default: {
                    String s = string(r, f, index, label);
                    try {
                        embargo = Instant.parse(s);
                    } catch (DateTimeParseException e) {
                        throw fieldError(r, PolicyReason.of("policy.error.badEmbargoInstant",
                                "bad embargoUntil \"" + s + "\" (an ISO-8601 instant such as 2027-01-15T00:00:00Z)", s), index, label);
                    }
                    break;
                }
            }
        }
        r.endObject();
        String where = label;
        if (term != null && pattern != null) {
            throw at(PolicyReason.of("policy.error.termAndPattern", "both \"term\" and \"pattern\"; give one"), index, where);
        }
        if (term == null && pattern == null) {
            throw at(PolicyReason.of("policy.error.noTermOrPattern", "missing \"term\" or \"pattern\""), index, null);
        }
        if (category == null) throw at(missingField("category"), index, where);
        if (category.isBlank()) throw at(PolicyReason.of("policy.error.emptyCategory", "empty category"), index, where);
        if (severity == null) throw at(missingField("severity"), index, where);
        if (term != null && term.isBlank()) throw at(PolicyReason.of("policy.error.emptyTerm", "empty term"), index, where);
        if (pattern != null && pattern.isEmpty()) throw at(PolicyReason.of("policy.error.emptyPattern", "empty pattern"), index, where);
        if (id != null) {
            if (id.isBlank()) throw at(PolicyReason.of("policy.error.emptyId", "empty id"), index, where);
            Integer prev = ids.putIfAbsent(id, index);
            if (prev != null) {
                throw at(PolicyReason.of("policy.error.duplicateId", "duplicate id \"" + id + "\" (also terms[" + prev + "])", id, prev),
                        index, where);
            }
        }
        return new PolicyTerm(id, term, pattern, category, severity, embargo, note);
    }

    private static EntryError at(PolicyReason reason, int index, String label) {
        return new EntryError(new PolicyException(reason, index, label));
    }

    private static PolicyReason unknownField(String field) {
        return PolicyReason.of("policy.error.unknownField", "unknown field \"" + field + "\"", field);
    }

    private static PolicyReason fieldTwice(String field) {
        return PolicyReason.of("policy.error.fieldTwice", "field \"" + field + "\" given twice", field);
    }

    private static PolicyReason missingField(String field) {
        return PolicyReason.of("policy.error.missingField", "missing required field \"" + field + "\"", field);
    }

    private static PolicyException fieldError(JsonReader r, PolicyReason reason, int index, String label) {
        int[] loc = location(r);
        return new PolicyException(reason, index, label, loc[0], loc[1]);
    }

    private static String string(JsonReader r, String field, int index, String label) throws IOException, PolicyException {
        JsonToken t = r.peek();
        if (t == JsonToken.NULL) {
            throw fieldError(r, PolicyReason.of("policy.error.nullField", "\"" + field + "\" must not be null", field), index, label);
        }
        if (t != JsonToken.STRING) throw fieldError(r, notAString(field, t), index, label);
        String s = r.nextString();
        int lone = TextChecks.firstLoneSurrogate(s);
        if (lone >= 0) {
            // located where the string ends (as other field errors are); the reason says which character of it
            throw fieldError(r, TextChecks.loneSurrogate(field, s, lone), index, label);
        }
        if (s.length() > MAX_STRING) {
            throw fieldError(r, PolicyReason.of("policy.error.fieldTooLong", "\"" + field + "\" longer than " + MAX_STRING + " characters",
                    field, MAX_STRING), index, label);
        }
        return s;
    }

    private static List<String> strings(JsonReader r, String field) throws IOException, PolicyException {
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            throw fieldError(r, PolicyReason.of("policy.error.notAStringArray", "\"" + field + "\" must be an array of strings", field),
                    -1, null);
        }
        r.beginArray();
        List<String> out = new ArrayList<>();
        while (r.hasNext()) {
            if (out.size() >= MAX_ENTRIES) {
                throw fieldError(r, PolicyReason.of("policy.error.tooManyInList", "too many entries in \"" + field + "\"", field), -1, null);
            }
            String item = field + "[" + out.size() + "]";
            String s = string(r, item, -1, null);
            if (s.isBlank()) throw fieldError(r, PolicyReason.of("policy.error.emptyItem", "\"" + item + "\" is empty", item), -1, null);
            out.add(s);
        }
        r.endArray();
        return out;
    }

    /** "must be a string, not a number": the kinds JSON has get a key each; anything else names Gson's token. */
    private static PolicyReason notAString(String field, JsonToken t) {
        String start = "\"" + field + "\" must be a string, not ";
        switch (t) {
            case BEGIN_ARRAY: return PolicyReason.of("policy.error.notAStringButArray", start + "an array", field);
            case BEGIN_OBJECT: return PolicyReason.of("policy.error.notAStringButObject", start + "an object", field);
            case NUMBER: return PolicyReason.of("policy.error.notAStringButNumber", start + "a number", field);
            case BOOLEAN: return PolicyReason.of("policy.error.notAStringButBoolean", start + "a boolean", field);
            default: {
                String token = t.name().toLowerCase(Locale.ROOT);
                return PolicyReason.of("policy.error.notAString", start + token, field, token);
            }
        }
    }

    /** The policy in the import format (2-space indented; absent optional fields omitted). */
    public static String toJson(Policy policy) {
        StringWriter sw = new StringWriter();
        try (JsonWriter w = new JsonWriter(sw)) {
            w.setIndent("  ");
            w.setHtmlSafe(false);
            w.beginObject();
            w.name("name").value(policy.name());
            if (!policy.facts().isEmpty()) w.name("version").value(PolicyFactsJson.VERSION);
            w.name("terms").beginArray();
            for (PolicyTerm t : policy.terms()) {
                w.beginObject();
                if (t.id() != null) w.name("id").value(t.id());
                if (t.term() != null) w.name("term").value(t.term());
                if (t.pattern() != null) w.name("pattern").value(t.pattern());
                w.name("category").value(t.category());
                w.name("severity").value(t.severity().name());
                if (t.embargoUntil() != null) w.name("embargoUntil").value(t.embargoUntil().toString());
                if (t.note() != null) w.name("note").value(t.note());
                w.endObject();
            }
            w.endArray();
            w.name("allow").beginArray();
            for (String a : policy.allow()) w.value(a);
            w.endArray();
            w.name("internalDomains").beginArray();
            for (String d : policy.internalDomains()) w.value(d);
            w.endArray();
            PolicyFactsJson.write(w, policy.facts());
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString() + "\n";
    }

    /** Reads a policy from a reader (at most {@link #MAX_BYTES} characters). */
    public static CompiledPolicy read(Reader in) throws PolicyException, IOException {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[65536];
        for (int n; (n = in.read(buf)) > 0; ) {
            b.append(buf, 0, n);
            if (b.length() > MAX_BYTES) {
                throw new PolicyException(PolicyReason.of("policy.error.policyTooLargeLimit", "policy too large (limit " + MAX_BYTES + ")",
                        MAX_BYTES));
            }
        }
        return parseAndCompile(b.toString());
    }
}
