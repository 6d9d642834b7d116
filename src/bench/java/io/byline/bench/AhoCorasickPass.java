package io.byline.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline of the batch benchmark: the same JSONL read and write as {@code check}, doing only
 * {@code org.ahocorasick} whole-word, case-insensitive matching of the policy's terms (no normalisation, no other
 * rule). Single-threaded, as such a pass is usually written.
 * <pre>java -cp target/benchmarks.jar io.byline.bench.AhoCorasickPass POLICY.json POSTS.jsonl OUT.jsonl</pre>
 */
public final class AhoCorasickPass {
    private AhoCorasickPass() {}

    public static void main(String[] args) throws Exception {
        JsonObject policy = JsonParser.parseString(Files.readString(Path.of(args[0]))).getAsJsonObject();
        List<String> terms = new ArrayList<>();
        policy.getAsJsonArray("terms").forEach(e -> {
            JsonObject o = e.getAsJsonObject();
            if (o.has("term")) terms.add(o.get("term").getAsString());
        });
        Trie trie = Trie.builder().ignoreCase().onlyWholeWords().addKeywords(terms).build();
        try (BufferedReader r = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                String id = o.get("id").getAsString();
                String text = o.get("text").getAsString();
                StringWriter sw = new StringWriter(128);
                JsonWriter jw = new JsonWriter(sw);
                jw.beginObject().name("id").value(id).name("findings").beginArray();
                for (Emit e : trie.parseText(text)) {
                    jw.beginObject().name("start").value(e.getStart()).name("end").value(e.getEnd() + 1)
                            .name("text").value(text.substring(e.getStart(), e.getEnd() + 1)).name("term").value(e.getKeyword()).endObject();
                }
                jw.endArray().endObject();
                jw.flush();
                w.write(sw.toString());
                w.write('\n');
            }
        }
    }
}
