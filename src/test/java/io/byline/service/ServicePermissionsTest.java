package io.byline.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.PermissionDeniedException;
import io.byline.testing.PostFixture;
import io.byline.testing.TestWorkspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services decide who may back up, restore, export and expire; the menus only ask them. */
class ServicePermissionsTest {
    @TempDir
    Path dir;

    @Test
    void backingUpIsForAdminsApproversAndLegalAndTheHeadlessCommand() {
        try (PostFixture f = new PostFixture(dir)) {
            BackupService backups = f.ctx.backupService();
            for (String u : List.of("rina", "budi", "sari")) {
                f.as(u);
                assertFalse(backups.canBackUp(), u);
                Path target = dir.resolve(u + ".db");
                assertThrows(PermissionDeniedException.class, () -> backups.backup(target), u);
                assertFalse(Files.exists(target), u + ": nothing written");
            }
            for (String u : List.of("maya", "andi", "admin")) {
                f.as(u);
                assertTrue(backups.canBackUp(), u);
                backups.backup(dir.resolve(u + ".db"));
                assertTrue(Files.exists(dir.resolve(u + ".db")), u);
            }
            f.ctx.authService().signOut();
            assertFalse(backups.canBackUp(), "the menu is not offered to nobody");
            assertDoesNotThrow(() -> backups.backup(dir.resolve("cli.db")), "the backup command runs as the system");
        }
    }

    @Test
    void onlyAdminsRestore() {
        try (PostFixture f = new PostFixture(dir)) {
            for (String u : List.of("rina", "budi", "maya", "andi", "sari")) {
                f.as(u);
                assertFalse(f.ctx.backupService().canRestore(), u);
                assertThrows(PermissionDeniedException.class, () -> f.ctx.backupService().requireRestore(), u);
            }
            f.as("admin");
            assertTrue(f.ctx.backupService().canRestore());
            assertDoesNotThrow(() -> f.ctx.backupService().requireRestore());
        }
    }

    @Test
    void exportIsOfferedToWhoeverTheServiceLetsExport() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("An export permission check");
            f.approveAll(id);
            for (String u : List.of("rina", "andi", "admin", "budi", "maya", "sari")) {
                f.as(u);
                boolean may = f.ctx.publishService().canExport();
                assertEquals(List.of("rina", "andi", "admin").contains(u), may, u);
                Path out = dir.resolve(u + ".json");
                if (may) {
                    assertEquals(List.of(id), f.ctx.publishService().exportJson(List.of(id), out, false).exported(), u);
                } else {
                    assertThrows(PermissionDeniedException.class,
                            () -> f.ctx.publishService().exportJson(List.of(id), out, false), u);
                }
            }
        }
    }

    @Test
    void expiringNeedsASignedInAppAndJudgesByTheServicesOwnClock() throws Exception {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Not yet due");
            f.ctx.authService().signOut();
            assertThrows(PermissionDeniedException.class, () -> f.ctx.reviewService().expireOverdue());
            f.as("rina");
            assertEquals(0, f.ctx.reviewService().expireOverdue(), "a caller cannot choose the time to expire at");
            assertEquals(io.byline.domain.PostState.IN_REVIEW, f.ctx.draftService().get(id).post().state());
            assertTrue(java.util.Arrays.stream(ReviewService.class.getMethods())
                    .filter(m -> m.getName().equals("expireOverdue")).allMatch(m -> m.getParameterCount() == 0));
        }
    }

    @Test
    void otherRolesCannotChangeChainsOrOverride() {
        try (PostFixture f = new PostFixture(dir)) {
            Map<String, Boolean> chains = Map.of("rina", false, "budi", false, "maya", false, "andi", true, "admin", true,
                    "sari", false);
            chains.forEach((u, may) -> {
                f.as(u);
                assertEquals(may, f.ctx.chainService().canEditChains(), u);
                assertEquals(List.of("maya", "andi").contains(u), f.ctx.riskService().canOverride(), u);
                assertEquals(List.of("rina", "andi", "sari").contains(u), f.ctx.reviewService().canReschedule(), u);
            });
        }
    }
}
