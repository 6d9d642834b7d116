package io.byline.store.json;

import io.byline.domain.Severity;
import io.byline.validation.PolicyException;
import io.byline.validation.PolicyReason;
import io.byline.validation.PolicyTerm;
import io.byline.validation.TextChecks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CSV term lists (import only): RFC 4180 fields (quoted when they hold commas, quotes or line breaks; inner quotes
 * doubled), a header row naming the columns — {@code term} and/or {@code pattern}, {@code category},
 * {@code severity}, optionally {@code embargoUntil} and {@code note} — then one entry a row with exactly one of
 * term or pattern. Every problem is reported with its line (and column for quoting errors); the parse goes on to
 * the end so all errors are listed at once. Nothing here compiles the terms: duplicates and bad regexes are found
 * by compiling the resulting policy.
 */
public final class PolicyCsv {
    public static final int MAX_ROWS = PolicyJson.MAX_ENTRIES;
    private static final int MAX_ERRORS = 200;
    private static final List<String> KNOWN = List.of("term", "pattern", "category", "severity", "embargountil", "note");

    /**
     * @param terms  the entries read (only meaningful when {@code errors} is empty)
     * @param lines  the 1-based line each entry starts on, parallel to {@code terms}
     * @param errors what is wrong, each with its line
     */
    public record Result(List<PolicyTerm> terms, List<Integer> lines, List<PolicyException> errors) {
        public Result {
            terms = List.copyOf(terms);
            lines = List.copyOf(lines);
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private record Row(int line, List<String> fields) {}

    private PolicyCsv() {}

    /** Reads bytes as strict UTF-8 (a byte order mark is dropped). */
    public static String decode(byte[] bytes) throws PolicyException {
        return PolicyJson.decode(bytes);
    }

    public static Result parse(String csv) {
        List<PolicyException> errors = new ArrayList<>();
        List<PolicyTerm> terms = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (csv == null || csv.isBlank()) {
            errors.add(new PolicyException(PolicyReason.of("policy.error.csvEmpty",
                    "empty file: a header row (term,category,severity,embargoUntil,note) is required")));
            return new Result(terms, lines, errors);
        }
        if (csv.length() > PolicyJson.MAX_BYTES) {
            errors.add(new PolicyException(PolicyReason.of("policy.error.csvTooLarge",
                    "file too large (limit " + PolicyJson.MAX_BYTES + " bytes)", PolicyJson.MAX_BYTES)));
            return new Result(terms, lines, errors);
        }
        if (csv.charAt(0) == '\uFEFF') csv = csv.substring(1);
        List<Row> rows = rows(csv, errors);
        if (!errors.isEmpty() || rows.isEmpty()) {
            if (rows.isEmpty() && errors.isEmpty()) {
                errors.add(new PolicyException(PolicyReason.of("policy.error.csvNoHeader", "no header row")));
            }
            return new Result(terms, lines, errors);
        }
        Row header = rows.get(0);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                String shown = shorten(header.fields().get(i));
                errors.add(new PolicyException(PolicyReason.of("policy.error.csvUnknownColumn", "unknown column \"" + shown
                        + "\" (expected term, pattern, category, severity, embargoUntil, note)", shown), -1, null, header.line(), -1));
            } else if (col.putIfAbsent(name, i) != null) {
                errors.add(new PolicyException(PolicyReason.of("policy.error.csvColumnTwice", "column \"" + name + "\" given twice", name),
                        -1, null, header.line(), -1));
            }
        }
        if (!col.containsKey("term") && !col.containsKey("pattern")) {
            errors.add(new PolicyException(PolicyReason.of("policy.error.csvNoTermColumn", "missing column \"term\" or \"pattern\""),
                    -1, null, header.line(), -1));
        }
        for (String required : List.of("category", "severity")) {
            if (!col.containsKey(required)) {
                errors.add(new PolicyException(PolicyReason.of("policy.error.csvMissingColumn",
                        "missing column \"" + required + "\"", required), -1, null, header.line(), -1));
            }
        }
        if (!errors.isEmpty()) return new Result(terms, lines, errors);
        for (int r = 1; r < rows.size() && errors.size() < MAX_ERRORS; r++) {
            Row row = rows.get(r);
            if (row.fields().size() == 1 && row.fields().get(0).isBlank()) continue; // a blank line
            int index = terms.size();
            if (index >= MAX_ROWS) {
                errors.add(new PolicyException(tooManyRows(), -1, null, row.line(), -1));
                break;
            }
            if (row.fields().size() != header.fields().size()) {
                int expected = header.fields().size();
                int found = row.fields().size();
                errors.add(new PolicyException(PolicyReason.of("policy.error.csvFieldCount",
                        "expected " + expected + " fields, found " + found, expected, found), index, null, row.line(), -1));
                continue;
            }
            String term = blankToNull(field(row, col, "term"));
            String pattern = blankToNull(field(row, col, "pattern"));
            String label = term != null ? term : pattern;
            String category = field(row, col, "category").strip();
            String severityText = field(row, col, "severity").strip();
            String embargoText = field(row, col, "embargountil").strip();
            String note = blankToNull(field(row, col, "note"));
            PolicyReason problem = null;
            Severity severity = null;
            Instant embargo = null;
            if (term != null && pattern != null) {
                problem = PolicyReason.of("policy.error.csvTermAndPattern", "both a term and a pattern; give one");
            } else if (term == null && pattern == null) {
                problem = PolicyReason.of("policy.error.csvEmptyTerm", "empty term (give a term or a pattern)");
            } else if (category.isEmpty()) {
                problem = PolicyReason.of("policy.error.emptyCategory", "empty category");
            } else if (Math.max(label.length(), note == null ? 0 : note.length()) > PolicyJson.MAX_STRING) {
                problem = PolicyReason.of("policy.error.csvFieldTooLong", "field longer than " + PolicyJson.MAX_STRING + " characters",
                        PolicyJson.MAX_STRING);
            } else {
                try {
                    severity = Severity.valueOf(severityText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    String shown = shorten(severityText);
                    problem = PolicyReason.of("policy.error.badSeverity", "bad severity \"" + shown + "\" (BLOCK, WARN or INFO)", shown);
                }
                if (problem == null && !embargoText.isEmpty()) {
                    embargo = instant(embargoText);
                    if (embargo == null) {
                        String shown = shorten(embargoText);
                        problem = PolicyReason.of("policy.error.badEmbargoDate",
                                "bad embargoUntil \"" + shown + "\" (2027-01-15 or 2027-01-15T00:00:00Z)", shown);
                    }
                }
            }
            if (problem != null) {
                errors.add(new PolicyException(problem, index, label, row.line(), -1));
                terms.add(null);
                lines.add(row.line());
                continue;
            }
            terms.add(new PolicyTerm(null, term, pattern, category, severity, embargo, note));
            lines.add(row.line());
        }
        if (!errors.isEmpty()) return new Result(List.of(), List.of(), errors);
        if (terms.isEmpty()) errors.add(new PolicyException(PolicyReason.of("policy.error.csvNoEntries", "no entries after the header row")));
        return new Result(terms, lines, errors);
    }

    private static String field(Row row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null ? "" : row.fields().get(i);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Instant instant(String s) {
        try {
            if (s.length() == 10) return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Splits into rows of fields (RFC 4180), reporting quoting errors with line and column; iterative. */
    private static List<Row> rows(String s, List<PolicyException> errors) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int line = 1;
        int col = 1;
        int rowLine = 1;
        boolean quoted = false;      // inside a quoted field
        boolean wasQuoted = false;   // the current field was quoted (and closed)
        int quoteLine = 0;
        int quoteCol = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c) && TextChecks.isLoneSurrogate(s, i)) {
                errors.add(new PolicyException(TextChecks.loneSurrogateInFile(c), -1, null, line, col));
                return rows;
            }
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                        col += 2;
                        continue;
                    }
                    quoted = false;
                    wasQuoted = true;
                } else {
                    f.append(c);
                    if (c == '\n') {
                        line++;
                        col = 0;
                    }
                }
                col++;
                continue;
            }
            if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') i++;
                fields.add(f.toString());
                f.setLength(0);
                wasQuoted = false;
                rows.add(new Row(rowLine, fields));
                fields = new ArrayList<>();
                line++;
                col = 0;
                rowLine = line;
                if (rows.size() > MAX_ROWS + 1) {
                    errors.add(new PolicyException(tooManyRows(), -1, null, line, -1));
                    return rows;
                }
            } else if (c == '"') {
                if (f.length() > 0 && !f.toString().isBlank() || wasQuoted) {
                    errors.add(new PolicyException(PolicyReason.of("policy.error.csvStrayQuote",
                            "stray quote inside a field (quote the whole field and double inner quotes)"), -1, null, line, col));
                    return rows;
                }
                f.setLength(0);
                quoted = true;
                quoteLine = line;
                quoteCol = col;
            } else if (wasQuoted && !Character.isWhitespace(c)) {
                errors.add(new PolicyException(PolicyReason.of("policy.error.csvTextAfterQuote", "text after a closing quote"),
                        -1, null, line, col));
                return rows;
            } else if (!wasQuoted) {
                f.append(c);
            }
            col++;
        }
        if (quoted) {
            errors.add(new PolicyException(PolicyReason.of("policy.error.csvUnclosedQuote", "quote opened here is never closed"),
                    -1, null, quoteLine, quoteCol));
            return rows;
        }
        if (f.length() > 0 || !fields.isEmpty() || wasQuoted) {
            fields.add(f.toString());
            rows.add(new Row(rowLine, fields));
        }
        return rows;
    }

    private static PolicyReason tooManyRows() {
        return PolicyReason.of("policy.error.csvTooManyRows", "too many rows (limit " + MAX_ROWS + ")", MAX_ROWS);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
