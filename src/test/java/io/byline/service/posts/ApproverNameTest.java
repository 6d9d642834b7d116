package io.byline.service.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.Approval;
import io.byline.domain.AuditEvent;
import io.byline.domain.AuditFilter;
import io.byline.domain.User;
import io.byline.service.EvidenceService;
import io.byline.store.Database;
import io.byline.store.Migration;
import io.byline.testing.PostFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An approval keeps the approver's name as it was when they signed. */
class ApproverNameTest {
    @TempDir
    Path dir;

    @Test
    void renamingAnApproverChangesNeitherTheirApprovalsNorTheEvidenceAndIsAudited() throws Exception {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Signed under the old name.");
            User andi = f.as("andi");
            f.ctx.reviewService().approve(id);

            f.as("admin");
            f.ctx.userService().update(andi.id(), "Andi P. Wirawan", Set.copyOf(andi.roles()), null);

            Approval a = f.ctx.draftService().get(id).approvals().get(0);
            assertEquals("Andi Pratama", a.userName(), "the name as it was when he approved");

            AuditEvent rename = f.ctx.auditService().list(AuditFilter.ALL.withType("user.update"), 5).get(0);
            assertTrue(rename.details().contains("\"nameBefore\":\"Andi Pratama\"")
                    && rename.details().contains("\"nameAfter\":\"Andi P. Wirawan\""), rename.details());

            EvidenceService.Files files = f.ctx.evidenceService().writePostBundle(id, dir.resolve("evidence.json"));
            String json = Files.readString(files.json());
            assertTrue(json.contains("Andi Pratama"), "the bundle shows the name he signed under");

            f.as("maya");
            f.ctx.reviewService().approve(id);
            assertEquals(List.of("Andi Pratama", "Maya Putri"),
                    f.ctx.draftService().get(id).approvals().stream().map(Approval::userName).toList());
        }
    }

    @Test
    void theUpgradeFillsOldApprovalsWithTheApproversCurrentName() throws Exception {
        Path file = dir.resolve("old.db");
        List<Migration> all = Migration.bundled();
        int upgrade = all.stream().filter(m -> m.name().equals("approver_names_and_moves")).findFirst().orElseThrow().version();
        Database.open(file, dir.resolve("backups"), all.subList(0, upgrade - 1)).close();
        String t = "'2026-06-01T00:00:00Z'";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA foreign_keys = ON");
            st.executeUpdate("INSERT INTO executive (id, name, created_at) VALUES (1, 'Sari', " + t + ")");
            st.executeUpdate("INSERT INTO app_user (id, username, username_key, display_name, password_hash, password_salt,"
                    + " password_iterations, created_at) VALUES (1, 'rina', 'rina', 'Rina', 'h', 's', 1, " + t + "),"
                    + " (2, 'andi', 'andi', 'Andi Pratama', 'h', 's', 1, " + t + ")");
            st.executeUpdate("INSERT INTO post (id, executive_id, state, publish_at, created_by, created_at, updated_at)"
                    + " VALUES (1, 1, 'IN_REVIEW', '2026-07-01T00:00:00Z', 1, " + t + ", " + t + ")");
            st.executeUpdate("INSERT INTO post_version (id, post_id, number, text, hash, author_id, created_at)"
                    + " VALUES (1, 1, 1, 'text', '" + "a".repeat(64) + "', 1, " + t + ")");
            st.executeUpdate("UPDATE post SET current_version_id = 1 WHERE id = 1");
            st.executeUpdate("INSERT INTO approval (post_id, version_id, version_hash, step_ordinal, step_name, role, user_id, at)"
                    + " VALUES (1, 1, '" + "a".repeat(64) + "', 1, 'Communications director', 'APPROVER', 2, " + t + ")");
        }
        Database.open(file, dir.resolve("backups"), all).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT user_name FROM approval")) {
                assertTrue(rs.next());
                assertEquals("Andi Pratama", rs.getString(1));
            }
            st.executeUpdate("UPDATE app_user SET display_name = 'Someone Else' WHERE id = 2");
            java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> st.executeUpdate("UPDATE approval SET user_name = 'Someone Else'"));
            assertTrue(e.getMessage().contains("only be voided"), e.getMessage());
        }
    }
}
