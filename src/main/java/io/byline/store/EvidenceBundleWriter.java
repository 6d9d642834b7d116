package io.byline.store;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an evidence bundle: one JSON file with everything counsel asks for about one entity (a post), and a
 * readable, self-contained HTML rendering of the same content beside it. Sections are generic data (maps, lists,
 * records, text); the audit entries carry their MACs so the chain can be re-checked by whoever holds the key.
 */
public final class EvidenceBundleWriter {
    /** The format marker written into every bundle. */
    public static final String FORMAT = "byline-evidence/1";

    private static final Gson GSON = Json.pretty().newBuilder().serializeNulls()
            .registerTypeAdapter(Instant.class, new TypeAdapter<Instant>() {
                @Override
                public void write(JsonWriter out, Instant value) throws IOException {
                    if (value == null) out.nullValue();
                    else out.value(value.toString());
                }

                @Override
                public Instant read(JsonReader in) throws IOException {
                    return Instant.parse(in.nextString());
                }
            }).create();

    private EvidenceBundleWriter() {}

    /** One titled part of the bundle; {@code data} is anything Gson can write (maps, lists, records, text). */
    public record Section(String key, String title, Object data) {}

    /** The state of the whole chain when the bundle was made. */
    public record Chain(boolean verified, long entries, long lastSeq, String lastMac, String problem) {}

    /** Everything in a bundle. */
    public record Bundle(String entityType, String entityId, Instant generatedAt, String generatedBy, String workspaceId,
                         String workspaceName, Chain chain, List<Section> sections, List<AuditLog.Entry> entries) {}

    /** The files written. */
    public record Written(Path json, Path html) {}

    /** Writes {@code json} and, beside it, the same name with {@code .html}; each to a temporary name first. */
    public static Written write(Bundle bundle, Path json) {
        Path jsonFile = json.toAbsolutePath().normalize();
        String name = jsonFile.getFileName().toString();
        Path htmlFile = jsonFile.resolveSibling((name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? name.substring(0, name.length() - 5) : name) + ".html");
        SafeFiles.refuse(jsonFile);
        SafeFiles.refuse(htmlFile);
        JsonObject tree = toJson(bundle);
        SafeFiles.writeText(jsonFile, out -> {
            GSON.toJson(tree, out);
            out.write('\n');
            return null;
        });
        SafeFiles.writeText(htmlFile, out -> {
            out.write(html(tree));
            return null;
        });
        return new Written(jsonFile, htmlFile);
    }

    static JsonObject toJson(Bundle b) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        JsonObject entity = new JsonObject();
        entity.addProperty("type", b.entityType());
        entity.addProperty("id", b.entityId());
        o.add("entity", entity);
        o.addProperty("generatedAt", b.generatedAt().toString());
        o.addProperty("generatedBy", b.generatedBy());
        JsonObject ws = new JsonObject();
        ws.addProperty("id", b.workspaceId());
        ws.addProperty("name", b.workspaceName());
        o.add("workspace", ws);
        o.add("chain", GSON.toJsonTree(b.chain()));
        JsonArray sections = new JsonArray();
        for (Section s : b.sections()) {
            JsonObject so = new JsonObject();
            so.addProperty("key", s.key());
            so.addProperty("title", s.title());
            so.add("data", GSON.toJsonTree(s.data()));
            sections.add(so);
        }
        o.add("sections", sections);
        JsonArray entries = new JsonArray();
        for (AuditLog.Entry e : b.entries()) entries.add(AuditExport.json(e));
        o.add("auditEntries", entries);
        return o;
    }

    static String html(JsonObject tree) {
        JsonObject entity = tree.getAsJsonObject("entity");
        JsonObject chain = tree.getAsJsonObject("chain");
        String title = "Evidence: " + text(entity.get("type")) + " " + text(entity.get("id"));
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>").append(esc(title)).append("</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1d1d1f}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #c8c8cc;padding:.3em .5em;")
                .append("vertical-align:top;text-align:left}th{background:#f2f2f5}")
                .append(".v{white-space:pre-wrap}.mac{font-family:monospace;font-size:11px;word-break:break-all}")
                .append(".ok{background:#e6f4ea;padding:.6em}.bad{background:#fdecea;padding:.6em}dt{font-weight:600}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p>Workspace ").append(esc(text(tree.getAsJsonObject("workspace").get("name")))).append(" (")
                .append(esc(text(tree.getAsJsonObject("workspace").get("id")))).append("). Generated ")
                .append(esc(text(tree.get("generatedAt")))).append(" by ").append(esc(text(tree.get("generatedBy"))))
                .append(".</p>\n");
        boolean ok = chain.get("verified").getAsBoolean();
        h.append("<div class=\"").append(ok ? "ok" : "bad").append("\">")
                .append(ok ? "The audit chain verified when this bundle was made: "
                        : "The audit chain did NOT verify when this bundle was made: ")
                .append(esc(text(chain.get("entries")))).append(" entries, last ").append(esc(text(chain.get("lastSeq"))))
                .append(" (MAC <span class=\"mac\">").append(esc(text(chain.get("lastMac")))).append("</span>)");
        if (!ok) h.append(". ").append(esc(text(chain.get("problem"))));
        h.append(".</div>\n");
        for (JsonElement se : tree.getAsJsonArray("sections")) {
            JsonObject s = se.getAsJsonObject();
            h.append("<h2>").append(esc(text(s.get("title")))).append("</h2>\n");
            render(h, s.get("data"));
        }
        h.append("<h2>Audit entries</h2>\n<table><tr><th>#</th><th>When (UTC)</th><th>Who</th><th>What</th>")
                .append("<th>On</th><th>Details</th><th>MAC</th></tr>\n");
        for (JsonElement ee : tree.getAsJsonArray("auditEntries")) {
            JsonObject e = ee.getAsJsonObject();
            h.append("<tr><td>").append(esc(text(e.get("seq")))).append("</td><td>").append(esc(text(e.get("at"))))
                    .append("</td><td>").append(esc(text(e.get("actor_name")))).append("</td><td>")
                    .append(esc(text(e.get("type")))).append("</td><td>").append(esc(text(e.get("entity_type"))))
                    .append(' ').append(esc(text(e.get("entity_id")))).append("</td><td>");
            render(h, e.get("details"));
            h.append("</td><td class=\"mac\">").append(esc(text(e.get("mac")))).append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    /** Renders any JSON value: objects as definition lists, lists of objects as tables, text verbatim and escaped. */
    private static void render(StringBuilder h, JsonElement v) {
        if (v == null || v.isJsonNull()) {
            h.append("<span class=\"v\">—</span>");
        } else if (v.isJsonPrimitive()) {
            h.append("<span class=\"v\">").append(esc(text(v))).append("</span>");
        } else if (v.isJsonObject()) {
            h.append("<dl>");
            for (Map.Entry<String, JsonElement> e : v.getAsJsonObject().entrySet()) {
                h.append("<dt>").append(esc(e.getKey())).append("</dt><dd>");
                render(h, e.getValue());
                h.append("</dd>");
            }
            h.append("</dl>");
        } else {
            JsonArray a = v.getAsJsonArray();
            boolean objects = !a.isEmpty();
            Set<String> columns = new LinkedHashSet<>();
            for (JsonElement x : a) {
                if (!x.isJsonObject()) objects = false;
                else columns.addAll(x.getAsJsonObject().keySet());
            }
            if (objects) {
                h.append("<table><tr>");
                for (String c : columns) h.append("<th>").append(esc(c)).append("</th>");
                h.append("</tr>");
                for (JsonElement x : a) {
                    h.append("<tr>");
                    for (String c : columns) {
                        h.append("<td>");
                        render(h, x.getAsJsonObject().get(c));
                        h.append("</td>");
                    }
                    h.append("</tr>");
                }
                h.append("</table>");
            } else {
                h.append("<ul>");
                for (JsonElement x : a) {
                    h.append("<li>");
                    render(h, x);
                    h.append("</li>");
                }
                h.append("</ul>");
            }
        }
    }

    private static String text(JsonElement v) {
        if (v == null || v.isJsonNull()) return "";
        if (v.isJsonPrimitive()) {
            JsonPrimitive p = v.getAsJsonPrimitive();
            return p.isString() ? p.getAsString() : p.toString();
        }
        return v.toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
