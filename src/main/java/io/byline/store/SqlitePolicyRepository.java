package io.byline.store;

import io.byline.domain.AllowProposal;
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

    private static final String PROPOSAL = "SELECT p.id, p.phrase, p.post_id, p.fingerprint, p.rule, p.category, p.reason,"
            + " p.proposed_by, u.display_name AS proposed_name, p.proposed_at, p.status, p.decided_by,"
            + " d.display_name AS decided_name, p.decided_at FROM policy_allow_proposal p"
            + " JOIN app_user u ON u.id = p.proposed_by LEFT JOIN app_user d ON d.id = p.decided_by";

    @Override
    public long insertProposal(Tx tx, AllowProposal p) {
        return Jdbc.insert(tx, "INSERT INTO policy_allow_proposal (phrase, post_id, fingerprint, rule, category, reason,"
                        + " proposed_by, proposed_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')", p.phrase(), p.postId(),
                p.fingerprint(), p.rule(), p.category(), p.reason(), p.proposedBy(), p.proposedAt());
    }

    @Override
    public List<AllowProposal> proposals(Tx tx, boolean pendingOnly) {
        return Jdbc.list(tx, PROPOSAL + " WHERE (? = 0 OR p.status = 'PENDING') ORDER BY p.id DESC",
                SqlitePolicyRepository::proposal, pendingOnly);
    }

    @Override
    public Optional<AllowProposal> proposal(Tx tx, long id) {
        return Jdbc.one(tx, PROPOSAL + " WHERE p.id = ?", SqlitePolicyRepository::proposal, id);
    }

    @Override
    public boolean decideProposal(Tx tx, long id, AllowProposal.Status status, long userId, Instant at) {
        return Jdbc.update(tx, "UPDATE policy_allow_proposal SET status = ?, decided_by = ?, decided_at = ?"
                + " WHERE id = ? AND status = 'PENDING'", status, userId, at, id) == 1;
    }

    private static AllowProposal proposal(ResultSet rs) throws SQLException {
        long post = rs.getLong("post_id");
        Long postId = rs.wasNull() ? null : post;
        long dec = rs.getLong("decided_by");
        Long decidedBy = rs.wasNull() ? null : dec;
        return new AllowProposal(rs.getLong("id"), rs.getString("phrase"), postId, rs.getString("fingerprint"),
                rs.getString("rule"), rs.getString("category"), rs.getString("reason"), rs.getLong("proposed_by"),
                rs.getString("proposed_name"), Jdbc.instant(rs, "proposed_at"), AllowProposal.Status.valueOf(rs.getString("status")),
                decidedBy, rs.getString("decided_name"), Jdbc.instant(rs, "decided_at"));
    }

    private static PolicyEntry entry(ResultSet rs) throws SQLException {
        return new PolicyEntry(rs.getLong("id"), rs.getString("term"), rs.getString("pattern"), rs.getString("category"),
                Severity.valueOf(rs.getString("severity")), Jdbc.instant(rs, "embargo_until"), rs.getString("note"),
                Jdbc.bool(rs, "retired"));
    }
}
