package io.byline.service.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.domain.Approval;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.service.ChainProgress;
import io.byline.service.PostDetail;
import io.byline.testing.ChildJvm;
import io.byline.testing.PostWorkflowChild;
import io.byline.testing.TestWorkspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RELIABILITY F1/F2 for the post workflow: a child JVM drafting, submitting and approving is killed at random points. */
@Tag("fault")
class PostFaultTest {
    @TempDir
    Path dir;

    @Test
    void killedAtRandomPointsInTheWorkflowKeepsEveryInvariant() throws Exception {
        TestWorkspace.demo(dir).close();
        Random random = new Random(20261129L);
        Set<Long> printedVersions = new HashSet<>();
        Set<Long> printedApprovals = new HashSet<>();
        for (int round = 0; round < 4; round++) {
            try (ChildJvm child = ChildJvm.start(PostWorkflowChild.class, dir.toString(), Long.toString(random.nextLong()))) {
                child.awaitLine("STARTED", 30);
                child.awaitLine("VERSION", 30);
                Thread.sleep(100 + random.nextInt(900));
                child.kill();
                for (String line : child.drainLines()) {
                    String[] p = line.split(" ");
                    if (p[0].equals("VERSION")) printedVersions.add(Long.parseLong(p[2]));
                    if (p[0].equals("APPROVAL")) printedApprovals.add(Long.parseLong(p[2]));
                }
            }
            assertInvariants("round " + round, printedVersions, printedApprovals);
        }
        assertFalse(printedApprovals.isEmpty(), "the child got as far as signing something");
    }

    private void assertInvariants(String round, Set<Long> printedVersions, Set<Long> printedApprovals) throws Exception {
        List<Long> postIds = new ArrayList<>();
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            assertEquals("ok", ctx.database().integrityCheck(), round);
            var v = ctx.auditService().verify();
            assertTrue(v.ok(), round + ": " + v.problem());
            TestWorkspace.signIn(ctx, "admin");
            try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM post ORDER BY id")) {
                while (rs.next()) postIds.add(rs.getLong(1));
            }
            for (long id : postIds) {
                PostDetail d = ctx.draftService().get(id);
                String where = round + ", post " + id + " (" + d.post().state() + ")";
                assertNotNull(d.current(), where + ": a post always has a saved version");
                List<PostVersion> versions = ctx.draftService().versions(id);
                Map<Long, PostVersion> byId = versions.stream().collect(Collectors.toMap(PostVersion::id, x -> x));
                assertTrue(byId.containsKey(d.post().currentVersionId()), where + ": the current version exists");
                for (int i = 0; i < versions.size(); i++) {
                    assertEquals(i + 1, versions.stream().mapToInt(PostVersion::number).sorted().toArray()[i], where + ": version numbers 1..n");
                }
                for (Approval a : d.approvals()) {
                    assertEquals(d.post().currentVersionId(), a.versionId(), where + ": a standing approval signs the current version");
                    assertEquals(d.current().hash(), a.versionHash(), where + ": and carries its hash");
                }
                ChainProgress progress = ctx.reviewService().progress(id);
                for (ChainProgress.StepProgress s : progress.steps()) {
                    for (Approval a : s.signatures()) {
                        assertTrue(a.valid(), where + ": progress counts only standing signatures");
                        assertEquals(d.current().hash(), a.versionHash(), where + ": signature on the current text");
                    }
                }
                PostState state = d.post().state();
                if (state == PostState.APPROVED || state == PostState.SCHEDULED || state == PostState.PUBLISHED) {
                    assertTrue(progress.complete(), where + ": approved means every step signed the current version");
                }
                if (state == PostState.IN_REVIEW) {
                    assertFalse(progress.complete(), where + ": a fully signed post is not still in review");
                }
                if (state == PostState.DRAFT) {
                    assertTrue(d.approvals().isEmpty(), where + ": a draft has no standing approvals");
                }
            }
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT a.id, a.post_id, a.version_hash, v.post_id, v.hash FROM approval a "
                    + "LEFT JOIN post_version v ON v.id = a.version_id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    assertNotNull(rs.getString(5), round + ": approval " + id + " points at an existing version");
                    assertEquals(rs.getLong(2), rs.getLong(4), round + ": approval " + id + " points at a version of its own post");
                    assertEquals(rs.getString(5), rs.getString(3), round + ": approval " + id + " carries that version's hash");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*), min(seq), max(seq) FROM audit_event")) {
                rs.next();
                assertEquals(1, rs.getLong(2), round + ": audit starts at 1");
                assertEquals(rs.getLong(1), rs.getLong(3), round + ": audit sequence has no gaps");
            }
            Set<Long> versions = ids(st, "SELECT id FROM post_version");
            Set<Long> approvals = ids(st, "SELECT id FROM approval");
            assertTrue(versions.containsAll(printedVersions), round + ": every version reported as saved survived");
            assertTrue(approvals.containsAll(printedApprovals), round + ": every approval reported as signed survived");
        }
    }

    private static Set<Long> ids(Statement st, String sql) throws Exception {
        Set<Long> out = new HashSet<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + TestWorkspace.location(dir).database());
    }
}
