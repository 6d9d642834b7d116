package io.byline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a UTF-8 byte stream into lines ({@code \n}, {@code \r\n} or {@code \r}; these bytes never occur inside a
 * multi-byte character) and decodes each line on its own, malformed bytes becoming U+FFFD. A line longer than
 * {@code maxLine} bytes becomes null: it is skipped, never held. Lines are handed out in blocks budgeted in bytes.
 */
final class ByteLineReader {
    private final InputStream in;
    private final int maxLine;
    private final byte[] buf = new byte[1 << 16];
    private int pos, limit;
    private boolean eof;
    private boolean skipLf;
    /** The start of a line that spans buffer refills. */
    private byte[] acc = new byte[1024];
    private int accLen;
    private long bytesRead;

    ByteLineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /**
     * Adds lines until the block holds {@code maxLines} lines or {@code maxBytes} bytes (at least one line); false
     * when the stream has ended (the block may still hold lines).
     */
    boolean readBlock(List<String> out, int maxLines, int maxBytes) throws IOException {
        long start = bytesRead;
        while (out.size() < maxLines && bytesRead - start < maxBytes) {
            if (!readLine(out)) return false;
        }
        return true;
    }

    /** Bytes of the lines read so far, with their line ends. */
    long bytesRead() {
        return bytesRead;
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private boolean readLine(List<String> out) throws IOException {
        boolean started = false;
        boolean tooLong = false;
        long length = 0;
        accLen = 0;
        while (true) {
            if (pos >= limit && !fill()) {
                if (!started) return false;
                out.add(tooLong ? null : new String(acc, 0, accLen, StandardCharsets.UTF_8));
                bytesRead += length;
                return false;
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    bytesRead++;
                }
                continue;
            }
            started = true;
            int start = pos;
            byte[] b = buf;
            int lim = limit;
            int p = pos;
            while (p < lim && b[p] != '\n' && b[p] != '\r') p++;
            pos = p;
            int n = p - start;
            length += n;
            if (!tooLong && length > maxLine) {
                tooLong = true;
                accLen = 0;
            }
            if (pos < limit) {
                if (buf[pos] == '\r') skipLf = true;
                pos++;
                bytesRead += length + 1;
                if (tooLong) out.add(null);
                else if (accLen == 0) out.add(new String(buf, start, n, StandardCharsets.UTF_8));
                else {
                    append(start, n);
                    out.add(new String(acc, 0, accLen, StandardCharsets.UTF_8));
                }
                if (acc.length > 1 << 16) acc = new byte[1024]; // do not keep a huge line's buffer
                return true;
            }
            if (!tooLong) append(start, n);
        }
    }

    private void append(int start, int n) {
        if (accLen + n > acc.length) acc = Arrays.copyOf(acc, Math.max(accLen + n, Math.min(maxLine, acc.length * 2)));
        System.arraycopy(buf, start, acc, accLen, n);
        accLen += n;
    }
}
