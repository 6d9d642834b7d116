package io.byline.store;

import io.byline.domain.Approval;
import io.byline.domain.ApprovalStep;
import io.byline.domain.Capacity;
import io.byline.domain.Role;
import io.byline.domain.StepRule;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

public final class SqliteApprovalRepository implements ApprovalRepository {
    private static final String APPROVAL = "SELECT a.id, a.post_id, a.version_id, a.version_hash, a.step_ordinal, a.step_name,"
            + " a.role, a.user_id, COALESCE(a.user_name, u.display_name), a.at, a.voided_at, a.void_reason FROM approval a JOIN app_user u ON u.id = a.user_id";

    @Override
    public Optional<List<ApprovalStep>> chain(Tx tx, long executiveId, Capacity capacity) {
        Optional<Long> chainId = Jdbc.one(tx, "SELECT id FROM approval_chain WHERE executive_id = ? AND capacity = ?",
                rs -> rs.getLong(1), executiveId, capacity);
        if (chainId.isEmpty()) return Optional.empty();
        return Optional.of(Jdbc.list(tx, "SELECT name, roles, rule FROM approval_step WHERE chain_id = ? ORDER BY ordinal",
                rs -> new ApprovalStep(rs.getString(1), roles(rs.getString(2)), StepRule.valueOf(rs.getString(3))), chainId.get()));
    }

    @Override
    public void saveChain(Tx tx, long executiveId, Capacity capacity, List<ApprovalStep> steps, Instant now) {
        Optional<Long> existing = Jdbc.one(tx, "SELECT id FROM approval_chain WHERE executive_id = ? AND capacity = ?",
                rs -> rs.getLong(1), executiveId, capacity);
        long id;
        if (existing.isPresent()) {
            id = existing.get();
            Jdbc.update(tx, "UPDATE approval_chain SET updated_at = ? WHERE id = ?", now, id);
            Jdbc.update(tx, "DELETE FROM approval_step WHERE chain_id = ?", id);
        } else {
            id = Jdbc.insert(tx, "INSERT INTO approval_chain (executive_id, capacity, updated_at) VALUES (?, ?, ?)",
                    executiveId, capacity, now);
        }
        int ordinal = 1;
        for (ApprovalStep s : steps) {
            Jdbc.update(tx, "INSERT INTO approval_step (chain_id, ordinal, name, roles, rule) VALUES (?, ?, ?, ?, ?)",
                    id, ordinal++, s.name(), rolesText(s.roles()), s.rule());
        }
    }

    @Override
    public long insertApproval(Tx tx, Approval a) {
        return Jdbc.insert(tx, "INSERT INTO approval (post_id, version_id, version_hash, step_ordinal, step_name, role, user_id,"
                        + " user_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", a.postId(), a.versionId(), a.versionHash(),
                a.stepOrdinal(), a.stepName(), a.role(), a.userId(), a.userName(), a.at());
    }

    @Override
    public List<Approval> approvals(Tx tx, long postId, boolean includeVoided) {
        return Jdbc.list(tx, APPROVAL + " WHERE a.post_id = ? AND (? = 1 OR a.voided_at IS NULL) ORDER BY a.id",
                rs -> new Approval(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                        Role.valueOf(rs.getString(7)), rs.getLong(8), rs.getString(9), Jdbc.instant(rs, "at"),
                        Jdbc.instant(rs, "voided_at"), rs.getString(12)), postId, includeVoided);
    }

    @Override
    public int voidApprovals(Tx tx, long postId, String reason, Instant now) {
        return Jdbc.update(tx, "UPDATE approval SET voided_at = ?, void_reason = ? WHERE post_id = ? AND voided_at IS NULL",
                now, reason, postId);
    }

    static String rolesText(Set<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<Role> roles(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
