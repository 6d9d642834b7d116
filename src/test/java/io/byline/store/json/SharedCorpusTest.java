package io.byline.store.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.Validator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shared labelled sample ({@code ../shared/eval}) through the check pipeline, scored exactly as
 * {@code score.py} scores it: recall of the expected spans must be 1.000 with no false alarm.
 */
public class SharedCorpusTest {
    static final String[] SCORED = {"lexicon", "pii", "internal-link", "length"};

    public static Path evalDir() {
        String d = System.getProperty("byline.eval.dir", "../shared/eval");
        return Path.of(d);
    }

    /** score.py's numbers. */
    public record Score(int expected, int found, int falseAlarms, int missing, List<String> report) {
        public double recall() {
            return expected == 0 ? 1.0 : (double) found / expected;
        }
    }

    static boolean scored(String rule) {
        for (String s : SCORED) if (rule.equals(s) || rule.startsWith(s + ".")) return true;
        return false;
    }

    static boolean matches(String expected, String rule) {
        return rule.equals(expected) || rule.startsWith(expected + ".");
    }

    public static Score score(List<String> caseLines, List<String> outLines) {
        Map<String, JsonObject> outs = new HashMap<>();
        for (String l : outLines) {
            if (l.isBlank()) continue;
            JsonObject o = JsonParser.parseString(l).getAsJsonObject();
            outs.put(o.get("id").getAsString(), o);
        }
        int expected = 0, found = 0, falseAlarms = 0, missing = 0;
        List<String> report = new ArrayList<>();
        for (String cl : caseLines) {
            if (cl.isBlank()) continue;
            JsonObject c = JsonParser.parseString(cl).getAsJsonObject();
            String id = c.get("id").getAsString();
            JsonArray expect = c.getAsJsonArray("expect");
            boolean lengthOver = c.has("expectLengthOver") && c.get("expectLengthOver").getAsBoolean();
            JsonObject o = outs.get(id);
            if (o == null) {
                missing++;
                expected += expect.size() + (lengthOver ? 1 : 0);
                report.add("MISSING " + id);
                continue;
            }
            List<JsonObject> fs = new ArrayList<>();
            if (o.has("findings")) {
                for (JsonElement e : o.getAsJsonArray("findings")) {
                    JsonObject f = e.getAsJsonObject();
                    if (scored(f.get("rule").getAsString())) fs.add(f);
                }
            }
            Set<Integer> used = new HashSet<>();
            for (JsonElement ee : expect) {
                JsonObject e = ee.getAsJsonObject();
                expected++;
                boolean hit = false;
                for (int i = 0; i < fs.size(); i++) {
                    JsonObject f = fs.get(i);
                    if (matches(e.get("rule").getAsString(), f.get("rule").getAsString())
                            && f.get("start").getAsInt() < e.get("end").getAsInt()
                            && f.get("end").getAsInt() > e.get("start").getAsInt()) {
                        hit = true;
                        used.add(i);
                    }
                }
                if (hit) found++;
                else report.add("MISS " + id + " " + e);
            }
            if (c.has("expectLengthOver") && lengthOver) {
                expected++;
                boolean any = false;
                for (int i = 0; i < fs.size(); i++) {
                    if (fs.get(i).get("rule").getAsString().equals("length")) { any = true; used.add(i); }
                }
                if (any) found++;
                else report.add("MISS " + id + " length");
            }
            for (int i = 0; i < fs.size(); i++) {
                if (!used.contains(i)) {
                    falseAlarms++;
                    report.add("FALSE " + id + " " + fs.get(i));
                }
            }
        }
        return new Score(expected, found, falseAlarms, missing, report);
    }

    @Test
    void sharedSampleHasFullRecallAndNoFalseAlarm() throws Exception {
        Path dir = evalDir();
        CompiledPolicy policy = PolicyJson.read(dir.resolve("policy.json"));
        Validator v = new Validator(policy);
        List<String> cases = Files.readAllLines(dir.resolve("cases.jsonl"), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String line : cases) {
            if (line.isBlank()) continue;
            CheckJsonl.Line l = CheckJsonl.parse(line);
            out.add(l.ok() ? CheckJsonl.resultLine(l.id(), v.validate(l.input())) : CheckJsonl.errorLine(l.id(), l.error()));
        }
        Score s = score(cases, out);
        assertEquals(0, s.missing(), s.report()::toString);
        assertEquals(1.0, s.recall(), 1e-9, s.report()::toString);
        assertEquals(0, s.falseAlarms(), s.report()::toString);
        assertEquals(30, s.expected());
    }
}
