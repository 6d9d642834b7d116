package io.byline.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ByteLineReaderTest {
    /** A stream that hands out a few bytes at a time, so lines and CR LF pairs straddle every refill. */
    private static InputStream trickle(byte[] bytes, Random r) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + r.nextInt(7)));
            }
        };
    }

    private static List<String> read(InputStream in, int maxLine, int maxLines, int maxBytes) throws IOException {
        ByteLineReader r = new ByteLineReader(in, maxLine);
        List<String> all = new ArrayList<>();
        boolean more = true;
        while (more) {
            List<String> block = new ArrayList<>();
            more = r.readBlock(block, maxLines, maxBytes);
            all.addAll(block);
        }
        return all;
    }

    @Test
    void linesAreWhatSplittingTheDecodedTextGives() throws IOException {
        Random r = new Random(8);
        String[] pieces = {"a", "é", "日本", "😀", "\n", "\r\n", "\r", "{\"id\":1}", " "};
        for (int round = 0; round < 300; round++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(60);
            for (int i = 0; i < n; i++) b.append(pieces[r.nextInt(pieces.length)]);
            String text = b.toString();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            List<String> expected = text.isEmpty() ? List.of()
                    : new ArrayList<>(Arrays.asList(text.split("\r\n|\r|\n", -1)));
            if (!expected.isEmpty() && (text.endsWith("\n") || text.endsWith("\r"))) expected.remove(expected.size() - 1);
            assertEquals(expected, read(trickle(bytes, r), 1000, 1 + r.nextInt(5), 1 + r.nextInt(40)), text);
            assertEquals(expected, read(new ByteArrayInputStream(bytes), 1000, 256, 1 << 20), text);
        }
    }

    @Test
    void malformedBytesBecomeReplacementCharactersAndLongLinesNull() throws IOException {
        byte[] bytes = {'a', (byte) 0xE2, (byte) 0x82, '\n', 'x', 'y', 'z', 'w', '\n', 'o', 'k'};
        List<String> lines = read(trickle(bytes, new Random(1)), 3, 256, 1 << 20);
        assertEquals(3, lines.size());
        assertEquals("a\ufffd", lines.get(0));
        assertNull(lines.get(1));
        assertEquals("ok", lines.get(2));
    }
}
