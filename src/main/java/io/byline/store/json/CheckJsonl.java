package io.byline.store.json;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.byline.domain.Finding;
import io.byline.domain.Platform;
import io.byline.validation.LengthInfo;
import io.byline.validation.PostInput;
import io.byline.validation.ValidationResult;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The JSON Lines contract of the {@code check} command. Input: one object a line with {@code id}, {@code text},
 * {@code platform}, {@code publishAt}, and optionally {@code replyTo} and {@code quoteOf} (handles; other fields
 * ignored). Output: one line per input line,
 * {@code {"id":…,"verdict":…,"findings":[…],"length":{…}}} or {@code {"id":…,"error":"…"}}.
 */
public final class CheckJsonl {
    /** Nesting allowed inside ignored fields of an input line. */
    public static final int MAX_DEPTH = 32;
    /**
     * Longest post text checked, in characters (UTF-16 units): 15 times the longest platform limit. A longer post
     * gets an error line (checking it would cost memory in proportion, for a post no platform takes).
     */
    public static final int MAX_TEXT = 1_000_000;

    private CheckJsonl() {}

    /** One parsed input line: either {@code input} (and {@code error} null) or an {@code error}. id may be null. */
    public record Line(String id, PostInput input, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** Parses one input line; never throws. */
    public static Line parse(String line) {
        if (line == null || line.isBlank()) return new Line(null, null, "empty line");
        Line fast = parseFlat(line);
        return fast != null ? fast : parseGson(line);
    }

    /**
     * Fast path for the usual shape of an input line: one flat object whose values are all strings (standard
     * escapes allowed). Anything else — other value types, control characters, odd escapes, trailing content,
     * malformed JSON — returns null and the line goes through Gson's strict reader, which gives the same result
     * for the lines accepted here and the documented errors for the rest.
     */
    static Line parseFlat(String line) {
        int n = line.length();
        int[] pos = {skipWs(line, 0)};
        if (pos[0] >= n || line.charAt(pos[0]) != '{') return null;
        pos[0] = skipWs(line, pos[0] + 1);
        String id = null, text = null, platform = null, publishAt = null, replyTo = null, quoteOf = null;
        boolean hasText = false, hasPlatform = false;
        if (pos[0] < n && line.charAt(pos[0]) == '}') {
            pos[0]++;
        } else {
            while (true) {
                if (pos[0] >= n || line.charAt(pos[0]) != '"') return null;
                String name = flatString(line, pos);
                if (name == null) return null;
                pos[0] = skipWs(line, pos[0]);
                if (pos[0] >= n || line.charAt(pos[0]) != ':') return null;
                pos[0] = skipWs(line, pos[0] + 1);
                if (pos[0] >= n || line.charAt(pos[0]) != '"') return null;
                String value = flatString(line, pos);
                if (value == null) return null;
                switch (name) {
                    case "id": id = value; break;
                    case "text": text = value; hasText = true; break;
                    case "platform": platform = value; hasPlatform = true; break;
                    case "publishAt": publishAt = value; break;
                    case "replyTo": replyTo = value; break;
                    case "quoteOf": quoteOf = value; break;
                    default: break;
                }
                pos[0] = skipWs(line, pos[0]);
                if (pos[0] >= n) return null;
                char c = line.charAt(pos[0]++);
                if (c == '}') break;
                if (c != ',') return null;
                pos[0] = skipWs(line, pos[0]);
            }
        }
        if (skipWs(line, pos[0]) != n) return null;
        return finish(id, text, hasText, platform, hasPlatform, publishAt, replyTo, quoteOf);
    }

    private static int skipWs(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            i++;
        }
        return i;
    }

    /** The JSON string starting at the quote at {@code pos[0]}; moves pos past it. Null when unusual. */
    private static String flatString(String s, int[] pos) {
        int n = s.length();
        int i = pos[0] + 1;
        int start = i;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                pos[0] = i + 1;
                return s.substring(start, i);
            }
            if (c == '\\') break;
            if (c < 0x20) return null;
            i++;
        }
        if (i >= n) return null;
        StringBuilder b = new StringBuilder(i - start + 16);
        b.append(s, start, i);
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                pos[0] = i + 1;
                return b.toString();
            }
            if (c < 0x20) return null;
            if (c != '\\') {
                b.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) return null;
            char e = s.charAt(i + 1);
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u': {
                    if (i + 6 > n) return null;
                    int v = 0;
                    for (int k = i + 2; k < i + 6; k++) {
                        int d = Character.digit(s.charAt(k), 16);
                        if (d < 0 || s.charAt(k) >= 0x80) return null;
                        v = v << 4 | d;
                    }
                    b.append((char) v);
                    i += 6;
                    continue;
                }
                default:
                    return null;
            }
            i += 2;
        }
        return null;
    }

    /** Parses one input line with Gson's strict streaming reader. */
    static Line parseGson(String line) {
        JsonReader r = new JsonReader(new StringReader(line));
        r.setStrictness(Strictness.STRICT);
        r.setNestingLimit(MAX_DEPTH);
        String id = null, text = null, platform = null, publishAt = null;
        String[] references = new String[2]; // replyTo, quoteOf
        boolean hasText = false, hasPlatform = false;
        String error = null;
        try {
            if (r.peek() != JsonToken.BEGIN_OBJECT) return new Line(null, null, "not a JSON object");
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                switch (name) {
                    case "id": {
                        JsonToken t = r.peek();
                        if (t == JsonToken.STRING || t == JsonToken.NUMBER) id = r.nextString();
                        else { r.skipValue(); if (error == null) error = "\"id\" must be a string"; }
                        break;
                    }
                    case "text":
                        if (r.peek() != JsonToken.STRING) { if (error == null) error = "\"text\" must be a string"; r.skipValue(); break; }
                        text = r.nextString();
                        hasText = true;
                        break;
                    case "platform":
                        if (r.peek() != JsonToken.STRING) { if (error == null) error = "\"platform\" must be a string"; r.skipValue(); break; }
                        platform = r.nextString();
                        hasPlatform = true;
                        break;
                    case "publishAt":
                        if (r.peek() == JsonToken.NULL) { r.nextNull(); break; }
                        if (r.peek() != JsonToken.STRING) { if (error == null) error = "\"publishAt\" must be an ISO-8601 instant string"; r.skipValue(); break; }
                        publishAt = r.nextString();
                        break;
                    case "replyTo":
                    case "quoteOf":
                        if (r.peek() == JsonToken.NULL) { r.nextNull(); break; }
                        if (r.peek() != JsonToken.STRING) { if (error == null) error = "\"" + name + "\" must be a handle string"; r.skipValue(); break; }
                        references[name.equals("replyTo") ? 0 : 1] = r.nextString();
                        break;
                    default:
                        r.skipValue();
                        break;
                }
            }
            r.endObject();
            if (r.peek() != JsonToken.END_DOCUMENT) return new Line(id, null, "unexpected content after the JSON object");
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            String m = e.getMessage() == null ? "malformed JSON" : e.getMessage();
            int see = m.indexOf("\nSee ");
            if (see > 0) m = m.substring(0, see);
            return new Line(id, null, "malformed JSON: " + m);
        } catch (StackOverflowError e) {
            return new Line(id, null, "nested too deeply");
        }
        if (error != null) return new Line(id, null, error);
        return finish(id, text, hasText, platform, hasPlatform, publishAt, references[0], references[1]);
    }

    private static Line finish(String id, String text, boolean hasText, String platform, boolean hasPlatform,
                               String publishAt, String replyTo, String quoteOf) {
        if (!hasText) return new Line(id, null, "missing \"text\"");
        if (text.length() > MAX_TEXT) {
            return new Line(id, null, "text longer than " + MAX_TEXT + " characters (" + text.length() + ")");
        }
        if (!hasPlatform) return new Line(id, null, "missing \"platform\"");
        Optional<Platform> p = Platform.fromId(platform);
        if (p.isEmpty()) return new Line(id, null, "unknown platform \"" + platform + "\"");
        Instant at = null;
        if (publishAt != null) {
            try {
                at = instant(publishAt);
            } catch (DateTimeParseException e) {
                return new Line(id, null, "bad publishAt \"" + publishAt + "\" (an ISO-8601 instant such as 2026-12-10T09:00:00Z)");
            }
        }
        return new Line(id, new PostInput(text, p.get(), at, null, replyTo, quoteOf), null);
    }

    /**
     * {@link Instant#parse}, with a fast path for the canonical {@code yyyy-MM-ddTHH:mm:ssZ} form (the general
     * parser costs more than checking a short post); anything else goes to {@link Instant#parse}.
     */
    static Instant instant(String s) {
        if (s.length() == 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(19) == 'Z') {
            int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
            int h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2);
            if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59
                    && sec >= 0 && sec <= 59) {
                try {
                    return Instant.ofEpochSecond(java.time.LocalDate.of(y, mo, d).toEpochDay() * 86_400L
                            + h * 3600L + mi * 60L + sec);
                } catch (java.time.DateTimeException e) {
                    // not a date (30 February): Instant.parse gives the error
                }
            }
        }
        return Instant.parse(s);
    }

    /** The value of {@code len} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The output line of a checked post (no trailing newline). */
    public static String resultLine(String id, ValidationResult result) {
        StringBuilder b = new StringBuilder(128 + result.findings().size() * 160);
        appendResult(b, id, result);
        return b.toString();
    }

    public static void appendResult(StringBuilder b, String id, ValidationResult result) {
        b.append("{\"id\":");
        string(b, id);
        b.append(",\"verdict\":\"").append(result.verdict()).append("\",\"findings\":[");
        boolean first = true;
        for (Finding f : result.findings()) {
            if (!first) b.append(',');
            first = false;
            b.append("{\"rule\":");
            string(b, f.rule());
            b.append(",\"severity\":\"").append(f.severity().name()).append("\",\"start\":").append(f.start())
                    .append(",\"end\":").append(f.end()).append(",\"text\":");
            string(b, f.text());
            if (f.category() != null) { b.append(",\"category\":"); string(b, f.category()); }
            if (f.term() != null) { b.append(",\"term\":"); string(b, f.term()); }
            b.append(",\"message\":");
            string(b, f.message());
            b.append('}');
        }
        LengthInfo l = result.length();
        b.append("],\"length\":{\"platform\":\"").append(l.platform().id()).append("\",\"count\":").append(l.count())
                .append(",\"limit\":").append(l.limit()).append("}}");
    }

    /** The output line of a malformed input line (no trailing newline). */
    public static String errorLine(String id, String error) {
        StringBuilder b = new StringBuilder(64);
        appendError(b, id, error);
        return b.toString();
    }

    public static void appendError(StringBuilder b, String id, String error) {
        b.append("{\"id\":");
        string(b, id);
        b.append(",\"error\":");
        string(b, error);
        b.append('}');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Appends a JSON string literal (or null); lone surrogates and U+2028/2029 are escaped. */
    static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        int n = s.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean esc;
            if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
                esc = true;
            } else if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) ? i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))
                        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                esc = !paired;
            } else {
                esc = false;
            }
            if (!esc) continue;
            b.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                case '\b': b.append("\\b"); break;
                case '\f': b.append("\\f"); break;
                default:
                    b.append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
            }
        }
        b.append(s, run, n);
        b.append('"');
    }
}
