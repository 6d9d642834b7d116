package io.byline.store;

import java.util.Optional;

/** Workspace-wide settings kept in the database (name, id, policy version …). */
public final class SettingsRepository {
    public Optional<String> get(Tx tx, String key) {
        return Jdbc.one(tx, "SELECT value FROM workspace_setting WHERE key = ?", rs -> rs.getString(1), key);
    }

    public void put(Tx tx, String key, String value) {
        if (Jdbc.update(tx, "UPDATE workspace_setting SET value = ? WHERE key = ?", value, key) == 0) {
            Jdbc.update(tx, "INSERT INTO workspace_setting (key, value) VALUES (?, ?)", key, value);
        }
    }
}
