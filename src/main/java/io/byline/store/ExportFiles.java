package io.byline.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Export formats written through {@link SafeFiles} (F3: a temporary file beside the target, flushed to disk, then moved
 * into place atomically; the open database, its files and the audit keys are refused), and the one CSV writer with
 * its formula neutraliser.
 */
public final class ExportFiles {
    private ExportFiles() {}

    /** Writes a value as pretty-printed JSON (the one configured Gson). */
    public static void writeJson(Path target, Object value) {
        write(target, w -> Json.pretty().toJson(value, w));
    }

    /** Writes text as UTF-8 (a policy export, for example), through the same temporary file and atomic move. */
    public static void writeText(Path target, String text) {
        write(target, w -> w.write(text));
    }

    /**
     * Writes RFC 4180 CSV: comma separated, CRLF line ends, UTF-8 without a byte order mark; a field is quoted
     * when it holds a comma, a double quote, CR, LF or leading/trailing spaces, and inner quotes are doubled.
     *
     * @param header the header row, or null for a file without one
     */
    public static void writeCsv(Path target, List<String> header, List<List<String>> rows) {
        writeCsv(target, header, rows, -1);
    }

    /**
     * As {@link #writeCsv(Path, List, List)}; every cell is {@linkplain #neutralised neutralised} except those of
     * column {@code verbatimColumn} (-1: none), which a scheduler publishes as it stands: the caller makes sure none of
     * them {@linkplain #startsFormula starts a formula}.
     */
    public static void writeCsv(Path target, List<String> header, List<List<String>> rows, int verbatimColumn) {
        write(target, w -> {
            if (header != null) csvRow(w, header, -1);
            for (List<String> row : rows) csvRow(w, row, verbatimColumn);
        });
    }

    static void csvRow(Writer w, List<String> fields, int verbatimColumn) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) w.write(',');
            w.write(csvField(i == verbatimColumn ? fields.get(i) : neutralised(fields.get(i))));
        }
        w.write("\r\n");
    }

    /**
     * Whether a spreadsheet would take the text as a formula (or a command): it starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return.
     */
    public static boolean startsFormula(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    /**
     * The one CSV neutraliser: a cell that {@linkplain #startsFormula starts a formula} gets a leading {@code '}, which
     * spreadsheets show as text and do not run. Null stays null.
     */
    public static String neutralised(String value) {
        return startsFormula(value) ? "'" + value : value;
    }

    /** One CSV field, quoted when needed. */
    public static String csvField(String value) {
        String v = value == null ? "" : value;
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || (!v.isEmpty() && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))));
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    @FunctionalInterface
    interface Body {
        void write(Writer w) throws IOException;
    }

    private static void write(Path target, Body body) {
        SafeFiles.writeText(target, w -> {
            body.write(w);
            return null;
        });
    }
}
