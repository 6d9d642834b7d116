package io.byline.store;

import io.byline.domain.Account;
import io.byline.domain.Capacity;
import io.byline.domain.Executive;
import io.byline.domain.Platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class SqliteExecutiveRepository implements ExecutiveRepository {
    private static final String EXEC = "SELECT id, name, title, organisation, voice_notes, photo, time_zone, retired FROM executive";
    private static final String ACCOUNT = "SELECT id, executive_id, platform, handle, capacity, bio, disclaimer, retired FROM account";

    @Override
    public List<Executive> all(Tx tx, boolean includeRetired) {
        return Jdbc.list(tx, EXEC + " WHERE (? = 1 OR retired = 0) ORDER BY retired, name COLLATE NOCASE",
                SqliteExecutiveRepository::executive, includeRetired);
    }

    @Override
    public Optional<Executive> byId(Tx tx, long id) {
        return Jdbc.one(tx, EXEC + " WHERE id = ?", SqliteExecutiveRepository::executive, id);
    }

    @Override
    public long insert(Tx tx, Executive e) {
        return Jdbc.insert(tx, "INSERT INTO executive (name, title, organisation, voice_notes, photo, time_zone, retired, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.name(), e.title(), e.organisation(), e.voiceNotes(), e.photo(), e.timeZone(), e.retired(), Instant.now());
    }

    @Override
    public void update(Tx tx, Executive e) {
        Jdbc.update(tx, "UPDATE executive SET name = ?, title = ?, organisation = ?, voice_notes = ?, photo = ?, time_zone = ?,"
                + " retired = ? WHERE id = ?", e.name(), e.title(), e.organisation(), e.voiceNotes(), e.photo(), e.timeZone(),
                e.retired(), e.id());
    }

    @Override
    public void setRetired(Tx tx, long id, boolean retired) {
        Jdbc.update(tx, "UPDATE executive SET retired = ? WHERE id = ?", retired, id);
    }

    @Override
    public List<Account> accounts(Tx tx, long executiveId, boolean includeRetired) {
        return Jdbc.list(tx, ACCOUNT + " WHERE executive_id = ? AND (? = 1 OR retired = 0) ORDER BY retired, platform, handle",
                SqliteExecutiveRepository::account, executiveId, includeRetired);
    }

    @Override
    public List<Account> allAccounts(Tx tx, boolean includeRetired) {
        return Jdbc.list(tx, ACCOUNT + " WHERE (? = 1 OR retired = 0) ORDER BY executive_id, platform, handle",
                SqliteExecutiveRepository::account, includeRetired);
    }

    @Override
    public Optional<Account> account(Tx tx, long id) {
        return Jdbc.one(tx, ACCOUNT + " WHERE id = ?", SqliteExecutiveRepository::account, id);
    }

    @Override
    public boolean handleTaken(Tx tx, Platform platform, String handle, long exceptId) {
        return Jdbc.count(tx, "SELECT count(*) FROM account WHERE platform = ? AND handle_key = ? AND id <> ?",
                platform.id(), Account.normalizeHandle(handle), exceptId) > 0;
    }

    @Override
    public long insertAccount(Tx tx, Account a) {
        return Jdbc.insert(tx, "INSERT INTO account (executive_id, platform, handle, handle_key, capacity, bio, disclaimer, retired,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", a.executiveId(), a.platform().id(), a.handle(),
                Account.normalizeHandle(a.handle()), a.capacity(), a.bio(), a.disclaimer(), a.retired(), Instant.now());
    }

    @Override
    public void updateAccount(Tx tx, Account a) {
        Jdbc.update(tx, "UPDATE account SET platform = ?, handle = ?, handle_key = ?, capacity = ?, bio = ?, disclaimer = ?,"
                        + " retired = ? WHERE id = ?", a.platform().id(), a.handle(), Account.normalizeHandle(a.handle()),
                a.capacity(), a.bio(), a.disclaimer(), a.retired(), a.id());
    }

    @Override
    public void setAccountRetired(Tx tx, long id, boolean retired) {
        Jdbc.update(tx, "UPDATE account SET retired = ? WHERE id = ?", retired, id);
    }

    private static Executive executive(ResultSet rs) throws SQLException {
        return new Executive(rs.getLong("id"), rs.getString("name"), rs.getString("title"), rs.getString("organisation"),
                rs.getString("voice_notes"), rs.getBytes("photo"), rs.getString("time_zone"), Jdbc.bool(rs, "retired"));
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getLong("executive_id"),
                Platform.fromId(rs.getString("platform")).orElseThrow(), rs.getString("handle"),
                Capacity.valueOf(rs.getString("capacity")), rs.getString("bio"), rs.getString("disclaimer"),
                Jdbc.bool(rs, "retired"));
    }
}
