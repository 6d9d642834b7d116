package io.byline.store;

import io.byline.domain.PolicyEntry;
import io.byline.domain.Severity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class SqlitePolicyRepository implements PolicyRepository {
    private static final String SELECT = "SELECT id, term, pattern, category, severity, embargo_until, note, retired FROM policy_term";

    @Override
    public List<PolicyEntry> entries(Tx tx, boolean includeRetired) {
        return Jdbc.list(tx, SELECT + " WHERE (? = 1 OR retired = 0) ORDER BY id", SqlitePolicyRepository::entry, includeRetired);
    }

    @Override
    public Optional<PolicyEntry> entry(Tx tx, long id) {
        return Jdbc.one(tx, SELECT + " WHERE id = ?", SqlitePolicyRepository::entry, id);
    }

    @Override
    public long insert(Tx tx, PolicyEntry e) {
        Instant now = Instant.now();
        return Jdbc.insert(tx, "INSERT INTO policy_term (term, pattern, category, severity, embargo_until, note, retired,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", e.term(), e.pattern(), e.category(),
                e.severity(), e.embargoUntil(), e.note(), e.retired(), now, now);
    }

    @Override
    public void update(Tx tx, PolicyEntry e) {
        Jdbc.update(tx, "UPDATE policy_term SET term = ?, pattern = ?, category = ?, severity = ?, embargo_until = ?, note = ?,"
                        + " retired = ?, updated_at = ? WHERE id = ?", e.term(), e.pattern(), e.category(), e.severity(),
                e.embargoUntil(), e.note(), e.retired(), Instant.now(), e.id());
    }

    @Override
    public void setRetired(Tx tx, long id, boolean retired) {
        Jdbc.update(tx, "UPDATE policy_term SET retired = ?, updated_at = ? WHERE id = ?", retired, Instant.now(), id);
    }

    @Override
    public List<String> allowPhrases(Tx tx) {
        return Jdbc.list(tx, "SELECT phrase FROM policy_allow WHERE retired = 0 ORDER BY id", rs -> rs.getString(1));
    }

    @Override
    public void replaceAllowPhrases(Tx tx, List<String> phrases) {
        Jdbc.update(tx, "DELETE FROM policy_allow");
        for (String p : phrases) Jdbc.update(tx, "INSERT INTO policy_allow (phrase) VALUES (?)", p);
    }

    @Override
    public List<String> internalDomains(Tx tx) {
        return Jdbc.list(tx, "SELECT domain FROM policy_domain WHERE retired = 0 ORDER BY id", rs -> rs.getString(1));
    }

    @Override
    public void replaceInternalDomains(Tx tx, List<String> domains) {
        Jdbc.update(tx, "DELETE FROM policy_domain");
        for (String d : domains) Jdbc.update(tx, "INSERT INTO policy_domain (domain) VALUES (?)", d);
    }

    @Override
    public String changeStamp(Tx tx) {
        return Jdbc.one(tx, "SELECT (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(updated_at), '')"
                + " || ':' || coalesce(sum(retired), 0) FROM policy_term)"
                + " || '|' || (SELECT count(*) || ':' || coalesce(group_concat(phrase || '/' || retired, char(31)), '') FROM policy_allow)"
                + " || '|' || (SELECT count(*) || ':' || coalesce(group_concat(domain || '/' || retired, char(31)), '') FROM policy_domain)",
                rs -> rs.getString(1)).orElse("");
    }

    private static PolicyEntry entry(ResultSet rs) throws SQLException {
        return new PolicyEntry(rs.getLong("id"), rs.getString("term"), rs.getString("pattern"), rs.getString("category"),
                Severity.valueOf(rs.getString("severity")), Jdbc.instant(rs, "embargo_until"), rs.getString("note"),
                Jdbc.bool(rs, "retired"));
    }
}
