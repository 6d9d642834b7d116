package io.byline.store;

import io.byline.domain.StorageException;
import io.byline.domain.StorageException.Kind;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes export files safely (F3): to {@code <name>.tmp} beside the target, flushed to disk, then moved into
 * place atomically, so a crash never leaves a truncated file under the real name.
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
        write(target, w -> {
            if (header != null) csvRow(w, header);
            for (List<String> row : rows) csvRow(w, row);
        });
    }

    static void csvRow(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) w.write(',');
            w.write(csvField(fields.get(i)));
        }
        w.write("\r\n");
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
        Path dest = target.toAbsolutePath().normalize();
        Path tmp = dest.resolveSibling(dest.getFileName() + ".tmp");
        try {
            Files.createDirectories(dest.getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch);
                 Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out,
                         StandardCharsets.UTF_8.newEncoder()))) {
                body.write(w);
                w.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            if (e instanceof StorageException se) throw se;
            String msg = e.getMessage() != null && e.getMessage().contains("No space") ? "Disk full — the export was not written."
                    : "Cannot write the export " + dest + ": " + e.getMessage();
            throw new StorageException(Kind.FAILED, msg, e);
        }
    }
}
