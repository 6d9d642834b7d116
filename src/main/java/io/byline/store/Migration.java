package io.byline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema change: a SQL script under {@code io/byline/db/migration/}, named
 * {@code VNNN__what.sql} and listed in that folder's {@code index.txt}.
 */
public record Migration(int version, String name, List<String> statements) {
    private static final String FOLDER = "/io/byline/db/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d{3})__([A-Za-z0-9_]+)\\.sql");

    /** The migrations shipped with this build, in version order. */
    public static List<Migration> bundled() {
        List<Migration> out = new ArrayList<>();
        for (String file : read(FOLDER + "index.txt").split("\\R")) {
            String f = file.strip();
            if (f.isEmpty() || f.startsWith("#")) continue;
            Matcher m = NAME.matcher(f);
            if (!m.matches()) throw new IllegalStateException("bad migration name " + f);
            int version = Integer.parseInt(m.group(1));
            if (version != out.size() + 1) throw new IllegalStateException("migration " + f + " out of order");
            out.add(new Migration(version, m.group(2), split(read(FOLDER + f))));
        }
        return List.copyOf(out);
    }

    private static String read(String resource) {
        try (InputStream in = Migration.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits a script into statements: each ends with a line ending in {@code ;}, except inside
     * {@code CREATE TRIGGER}, which ends at a line {@code END;}. Lines starting with {@code --} are dropped.
     */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) continue;
            if (current.length() == 0 && t.toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER")) inTrigger = true;
            current.append(line).append('\n');
            boolean ends = inTrigger ? t.equalsIgnoreCase("END;") : t.endsWith(";");
            if (ends) {
                String stmt = current.toString().strip();
                if (!inTrigger) stmt = stmt.substring(0, stmt.length() - 1);
                out.add(stmt);
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (current.toString().strip().length() > 0) out.add(current.toString().strip());
        return out;
    }
}
