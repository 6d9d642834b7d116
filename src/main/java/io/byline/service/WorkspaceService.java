package io.byline.service;

import io.byline.store.AuditKey;
import io.byline.store.SettingsRepository;
import io.byline.store.Transactor;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The workspace as a whole: its stable id (which names its audit key) and its display name. */
public final class WorkspaceService {
    static final String ID = "workspace.id";
    static final String NAME = "workspace.name";

    private final Transactor db;
    private final SettingsRepository settings;

    public WorkspaceService(Transactor db, SettingsRepository settings) {
        this.db = db;
        this.settings = settings;
    }

    /** The workspace id, created on first use. It is not secret; it names the audit key file in the Byline home. */
    public static String ensureId(Transactor db, SettingsRepository settings) {
        return ensureId(db, settings, null);
    }

    /**
     * As {@link #ensureId(Transactor, SettingsRepository)}; an id stored in the database is refused unless it is a UUID
     * (the id names the audit key's file: see {@link AuditKey#requireWorkspaceId}). {@code database} names the file in
     * the message.
     */
    public static String ensureId(Transactor db, SettingsRepository settings, Path database) {
        Optional<String> id = db.inRead(tx -> settings.get(tx, ID));
        if (id.isPresent()) return AuditKey.requireWorkspaceId(id.get(), database);
        return db.inWrite(tx -> settings.get(tx, ID).orElseGet(() -> {
            String fresh = UUID.randomUUID().toString();
            settings.put(tx, ID, fresh);
            return fresh;
        }));
    }

    public String id() {
        return ensureId(db, settings);
    }

    public String name() {
        return db.inRead(tx -> settings.get(tx, NAME)).orElse("");
    }

    /** Renames the workspace; recorded. */
    public void rename(String name, AuditService audit, Session session) {
        session.requireAny(io.byline.domain.Role.ADMIN);
        db.inWrite(tx -> {
            settings.put(tx, NAME, name.strip());
            return audit.record(tx, "workspace.rename", "workspace", null, Map.of("name", name.strip()));
        });
    }
}
