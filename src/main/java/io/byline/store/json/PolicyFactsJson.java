package io.byline.store.json;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.byline.domain.Platform;
import io.byline.domain.Severity;
import io.byline.validation.DoNotEngage;
import io.byline.validation.Metric;
import io.byline.validation.PolicyException;
import io.byline.validation.PolicyFact;
import io.byline.validation.PolicyFacts;
import io.byline.validation.PolicyReason;
import io.byline.validation.QuietPeriod;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code facts}, {@code doNotEngage} and {@code quietPeriods} parts of the policy file, read as strictly as the
 * terms: unknown fields, wrong types, nulls, missing fields, bad metrics, values, currencies, platforms, handles,
 * severities or instants, {@code from} not before {@code to}, duplicate fact ids, handles or period labels are a
 * {@link PolicyException} naming the entry ({@code facts[2]}) with its line and column.
 */
final class PolicyFactsJson {
    static final Set<String> PARTS = Set.of("facts", "doNotEngage", "quietPeriods");
    /** The format version written when a policy has these parts (a policy without them is version 1). */
    static final int VERSION = 2;

    private static final Set<String> FACT = Set.of("id", "metric", "value", "currency", "period", "disclosedAt", "tolerance");
    private static final Set<String> ENGAGE = Set.of("platform", "handle", "names", "reason", "severity");
    private static final Set<String> QUIET = Set.of("label", "from", "to", "severity");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** A handle: an optional @, then letters, digits, _ . - (and one more @ for a Mastodon server). */
    static final Pattern HANDLE = Pattern.compile("@?[\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\-]{0,99}(?:@[\\p{L}\\p{N}.\\-]{1,200})?");

    private PolicyFactsJson() {}

    /** Collects the three parts while the policy object is read. */
    static final class Builder {
        List<PolicyFact> facts = List.of();
        List<DoNotEngage> engage = List.of();
        List<QuietPeriod> quiet = List.of();

        void read(String part, JsonReader r) throws IOException, PolicyException {
            switch (part) {
                case "facts": facts = readFacts(r); break;
                case "doNotEngage": engage = readEngage(r); break;
                default: quiet = readQuiet(r); break;
            }
        }

        PolicyFacts build() {
            return new PolicyFacts(facts, engage, quiet);
        }
    }

    private static List<PolicyFact> readFacts(JsonReader r) throws IOException, PolicyException {
        List<PolicyFact> out = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        beginArray(r, "facts");
        while (r.hasNext()) {
            String at = "facts[" + out.size() + "]";
            limit(r, "facts", out.size());
            Map<String, Object> f = object(r, at, FACT);
            String id = required(r, at, f, "id");
            Metric metric = Metric.fromId(required(r, at, f, "metric"))
                    .orElseThrow(() -> error(r, "policy.error.part.badMetric", at + ": unknown metric \"" + f.get("metric")
                            + "\" (revenue, profit, ebitda, sales, users, customers, orders or growth)", at, f.get("metric")));
            BigDecimal value;
            String v = required(r, at, f, "value");
            try {
                value = new BigDecimal(v.trim());
            } catch (NumberFormatException e) {
                throw error(r, "policy.error.part.badValue", at + ": \"value\" is not a number: \"" + v + "\"", at, v);
            }
            if (value.signum() < 0 || value.abs().compareTo(new BigDecimal("1e18")) > 0) {
                throw error(r, "policy.error.part.badValue", at + ": \"value\" is not a number: \"" + v + "\"", at, v);
            }
            String currency = (String) f.get("currency");
            if (currency != null && !CURRENCY.matcher(currency.trim().toUpperCase(Locale.ROOT)).matches()) {
                throw error(r, "policy.error.part.badCurrency", at + ": bad currency \"" + currency
                        + "\" (a three-letter code such as IDR, USD, EUR)", at, currency);
            }
            Instant disclosed = instant(r, at, "disclosedAt", required(r, at, f, "disclosedAt"));
            double tolerance = PolicyFact.DEFAULT_TOLERANCE;
            if (f.containsKey("tolerance")) {
                tolerance = number(r, at, "tolerance", f.get("tolerance")).doubleValue();
                if (!(tolerance >= 0 && tolerance < 1)) {
                    throw error(r, "policy.error.part.badTolerance", at + ": \"tolerance\" must be at least 0 and below 1", at);
                }
            }
            String prev = ids.putIfAbsent(id, at);
            if (prev != null) throw duplicate(r, at, "id", id, prev);
            out.add(new PolicyFact(id, metric, value, currency, (String) f.get("period"), disclosed, tolerance));
        }
        r.endArray();
        return out;
    }

    private static List<DoNotEngage> readEngage(JsonReader r) throws IOException, PolicyException {
        List<DoNotEngage> out = new ArrayList<>();
        Map<String, String> handles = new HashMap<>();
        beginArray(r, "doNotEngage");
        while (r.hasNext()) {
            String at = "doNotEngage[" + out.size() + "]";
            limit(r, "doNotEngage", out.size());
            Map<String, Object> f = object(r, at, ENGAGE);
            Platform platform = null;
            if (f.containsKey("platform")) {
                String p = (String) f.get("platform");
                Optional<Platform> pl = Platform.fromId(p.trim().toLowerCase(Locale.ROOT));
                if (pl.isEmpty()) throw error(r, "policy.error.part.badPlatform", at + ": unknown platform \"" + p + "\"", at, p);
                platform = pl.get();
            }
            String handle = required(r, at, f, "handle").strip();
            if (!HANDLE.matcher(handle).matches()) {
                throw error(r, "policy.error.part.badHandle", at + ": not a handle: \"" + handle + "\"", at, handle);
            }
            Severity severity = severity(r, at, required(r, at, f, "severity"));
            @SuppressWarnings("unchecked")
            List<String> names = f.containsKey("names") ? (List<String>) f.get("names") : List.of();
            String key = (platform == null ? "*" : platform.id()) + " " + (handle.startsWith("@") ? handle.substring(1) : handle)
                    .toLowerCase(Locale.ROOT);
            String prev = handles.putIfAbsent(key, at);
            if (prev != null) throw duplicate(r, at, "handle", handle, prev);
            out.add(new DoNotEngage(platform, handle, names, (String) f.get("reason"), severity));
        }
        r.endArray();
        return out;
    }

    private static List<QuietPeriod> readQuiet(JsonReader r) throws IOException, PolicyException {
        List<QuietPeriod> out = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        beginArray(r, "quietPeriods");
        while (r.hasNext()) {
            String at = "quietPeriods[" + out.size() + "]";
            limit(r, "quietPeriods", out.size());
            Map<String, Object> f = object(r, at, QUIET);
            String label = required(r, at, f, "label").strip();
            Instant from = instant(r, at, "from", required(r, at, f, "from"));
            Instant to = instant(r, at, "to", required(r, at, f, "to"));
            if (!from.isBefore(to)) throw error(r, "policy.error.part.fromNotBeforeTo", at + ": \"from\" must be before \"to\"", at);
            Severity severity = severity(r, at, required(r, at, f, "severity"));
            String prev = labels.putIfAbsent(label.toLowerCase(Locale.ROOT), at);
            if (prev != null) throw duplicate(r, at, "label", label, prev);
            out.add(new QuietPeriod(label, from, to, severity));
        }
        r.endArray();
        return out;
    }

    // --- reading helpers: every error carries the reader's line and column ---

    private static void beginArray(JsonReader r, String part) throws IOException, PolicyException {
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            throw error(r, "policy.error.part.notAnArray", "\"" + part + "\" must be an array", part);
        }
        r.beginArray();
    }

    private static void limit(JsonReader r, String part, int size) throws PolicyException {
        if (size >= PolicyJson.MAX_ENTRIES) throw error(r, "policy.error.tooManyInList", "too many entries in \"" + part + "\"", part);
    }

    /** One entry's fields: strings, numbers (as their literal, for "value" and "tolerance") and string arrays ("names"). */
    private static Map<String, Object> object(JsonReader r, String at, Set<String> fields) throws IOException, PolicyException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            throw error(r, "policy.error.part.notAnObject", at + ": an entry must be a JSON object", at);
        }
        r.beginObject();
        Map<String, Object> out = new HashMap<>();
        Set<String> seen = new HashSet<>();
        while (r.hasNext()) {
            String name = r.nextName();
            if (!fields.contains(name)) throw error(r, "policy.error.part.unknownField", at + ": unknown field \"" + name + "\"", at, name);
            if (!seen.add(name)) throw error(r, "policy.error.part.fieldTwice", at + ": field \"" + name + "\" given twice", at, name);
            JsonToken t = r.peek();
            if (t == JsonToken.NULL) {
                throw error(r, "policy.error.part.nullField", at + ": \"" + name + "\" must not be null", at, name);
            }
            if (name.equals("names")) {
                out.put(name, names(r, at));
            } else if ((name.equals("value") || name.equals("tolerance")) && t == JsonToken.NUMBER) {
                out.put(name, new BigDecimal(r.nextString()));
            } else if (t == JsonToken.STRING && !name.equals("tolerance")) {
                String s = r.nextString();
                if (s.length() > PolicyJson.MAX_STRING) {
                    throw error(r, "policy.error.part.fieldTooLong", at + ": \"" + name + "\" is too long", at, name);
                }
                if (s.isBlank() && !name.equals("reason")) {
                    throw error(r, "policy.error.part.empty", at + ": \"" + name + "\" is empty", at, name);
                }
                out.put(name, s);
            } else {
                String kind = name.equals("tolerance") ? "a number" : name.equals("value") ? "a number or a string" : "a string";
                throw error(r, "policy.error.part.wrongType", at + ": \"" + name + "\" must be " + kind, at, name, kind);
            }
        }
        r.endObject();
        return out;
    }

    private static List<String> names(JsonReader r, String at) throws IOException, PolicyException {
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            throw error(r, "policy.error.part.wrongType", at + ": \"names\" must be an array of strings", at, "names",
                    "an array of strings");
        }
        r.beginArray();
        List<String> out = new ArrayList<>();
        while (r.hasNext()) {
            if (r.peek() != JsonToken.STRING || out.size() >= 1000) {
                throw error(r, "policy.error.part.wrongType", at + ": \"names\" must be an array of strings", at, "names",
                        "an array of strings");
            }
            String s = r.nextString();
            if (s.isBlank() || s.length() > 500) throw error(r, "policy.error.part.empty", at + ": \"names\" is empty", at, "names");
            out.add(s);
        }
        r.endArray();
        return out;
    }

    private static String required(JsonReader r, String at, Map<String, Object> f, String field) throws PolicyException {
        Object v = f.get(field);
        if (v == null) throw error(r, "policy.error.part.missingField", at + ": missing required field \"" + field + "\"", at, field);
        return v instanceof BigDecimal b ? b.toString() : (String) v;
    }

    private static BigDecimal number(JsonReader r, String at, String field, Object v) throws PolicyException {
        if (v instanceof BigDecimal b) return b;
        throw error(r, "policy.error.part.wrongType", at + ": \"" + field + "\" must be a number", at, field, "a number");
    }

    private static Instant instant(JsonReader r, String at, String field, String s) throws PolicyException {
        try {
            return Instant.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw error(r, "policy.error.part.badInstant", at + ": bad " + field + " \"" + s
                    + "\" (an ISO-8601 instant such as 2026-10-30T00:00:00Z)", at, field, s);
        }
    }

    private static Severity severity(JsonReader r, String at, String s) throws PolicyException {
        try {
            return Severity.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw error(r, "policy.error.part.badSeverity", at + ": bad severity \"" + s + "\" (BLOCK, WARN or INFO)", at, s);
        }
    }

    private static PolicyException duplicate(JsonReader r, String at, String what, String value, String prev) {
        return error(r, "policy.error.part.duplicate", at + ": duplicate " + what + " \"" + value + "\" (also " + prev + ")",
                at, what, value, prev);
    }

    private static PolicyException error(JsonReader r, String key, String english, Object... args) {
        int[] lc = PolicyJson.location(r);
        return new PolicyException(PolicyReason.of(key, english, args), -1, null, lc[0], lc[1]);
    }

    // --- writing ---

    /** Writes the three parts (each only when it has entries). */
    static void write(JsonWriter w, PolicyFacts p) throws IOException {
        if (!p.facts().isEmpty()) {
            w.name("facts").beginArray();
            for (PolicyFact f : p.facts()) {
                w.beginObject();
                w.name("id").value(f.id());
                w.name("metric").value(f.metric().id());
                w.name("value").value(f.value().toString());
                if (f.currency() != null) w.name("currency").value(f.currency());
                if (f.period() != null) w.name("period").value(f.period());
                w.name("disclosedAt").value(f.disclosedAt().toString());
                w.name("tolerance").value(f.tolerance());
                w.endObject();
            }
            w.endArray();
        }
        if (!p.doNotEngage().isEmpty()) {
            w.name("doNotEngage").beginArray();
            for (DoNotEngage d : p.doNotEngage()) {
                w.beginObject();
                if (d.platform() != null) w.name("platform").value(d.platform().id());
                w.name("handle").value(d.handle());
                if (!d.names().isEmpty()) {
                    w.name("names").beginArray();
                    for (String n : d.names()) w.value(n);
                    w.endArray();
                }
                if (!d.reason().isEmpty()) w.name("reason").value(d.reason());
                w.name("severity").value(d.severity().name());
                w.endObject();
            }
            w.endArray();
        }
        if (!p.quietPeriods().isEmpty()) {
            w.name("quietPeriods").beginArray();
            for (QuietPeriod q : p.quietPeriods()) {
                w.beginObject();
                w.name("label").value(q.label());
                w.name("from").value(q.from().toString());
                w.name("to").value(q.to().toString());
                w.name("severity").value(q.severity().name());
                w.endObject();
            }
            w.endArray();
        }
    }
}
