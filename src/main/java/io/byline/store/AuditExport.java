package io.byline.store;

import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.domain.ExportFormat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes the audit log, or part of it, as JSON lines or CSV. Each line carries the entry's MAC and the MAC it chains
 * from, so whoever holds the key can re-check an export; a row that cannot be read whole is written marked as damaged.
 * Files are written through {@link SafeFiles}: a crash leaves either the old file or the whole new one.
 */
public final class AuditExport {
    static final String[] HEADER = {"seq", "at", "actor_id", "actor_name", "type", "entity_type", "entity_id",
            "details", "prev_mac", "mac", "damaged"};

    private AuditExport() {}

    /** Writes the matching entries, oldest first, to {@code target}; returns how many were written. */
    public static long write(Tx tx, AuditLog log, AuditFilter filter, ExportFormat format, Path target) {
        return SafeFiles.writeText(target, out -> {
            long[] n = {0};
            if (format == ExportFormat.CSV) csvLine(out, HEADER);
            log.forEach(tx, filter, e -> {
                if (format == ExportFormat.CSV) csvLine(out, csvCells(e));
                else line(out, Json.gson().toJson(json(e)));
                n[0]++;
            });
            return n[0];
        });
    }

    /** One entry as a JSON object; {@code details} stays a JSON object, not a string. */
    static JsonObject json(AuditLog.Entry entry) {
        AuditEvent e = entry.event();
        JsonObject o = new JsonObject();
        o.addProperty("seq", e.seq());
        o.addProperty("at", e.at() == null ? null : e.at().toString());
        o.addProperty("actor_id", e.actorId());
        o.addProperty("actor_name", e.actorName());
        o.addProperty("type", e.type());
        o.addProperty("entity_type", e.entityType());
        o.addProperty("entity_id", e.entityId());
        o.add("details", details(e.details()));
        o.addProperty("prev_mac", entry.prevMac());
        o.addProperty("mac", e.mac());
        if (e.damaged()) o.addProperty("damaged", e.damage());
        return o;
    }

    static JsonElement details(String details) {
        try {
            return JsonParser.parseString(details == null ? "{}" : details);
        } catch (JsonParseException e) {
            return new com.google.gson.JsonPrimitive(details);
        }
    }

    private static String[] csvCells(AuditLog.Entry entry) {
        AuditEvent e = entry.event();
        return new String[] {Long.toString(e.seq()), e.at() == null ? "" : e.at().toString(),
                e.actorId() == null ? "" : e.actorId().toString(), e.actorName(), e.type(), e.entityType(), e.entityId(),
                e.details(), entry.prevMac(), e.mac(), e.damaged() ? "damaged: " + e.damage() : ""};
    }

    /** One CSV record through the one CSV writer: quoted when needed, CRLF, every cell neutralised. */
    static void csvLine(Writer out, String[] cells) {
        try {
            ExportFiles.csvRow(out, java.util.Arrays.asList(cells), -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Writer out, String s) {
        try {
            out.write(s);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
