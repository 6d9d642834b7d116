package io.byline.ui.executives;

import io.byline.domain.Capacity;
import io.byline.domain.Role;
import io.byline.testing.PostFixture;
import io.byline.ui.common.ImmediateTaskRunner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The approval-chain editor's logic without the toolkit: editing, checks before saving, saving and reverting. */
class ChainEditorViewModelTest {
    @TempDir Path dir;

    private static ChainEditorViewModel model(PostFixture f) {
        f.as("admin");
        ChainEditorViewModel m = new ChainEditorViewModel(f.ctx.chainService(), f.ctx.session(), new ImmediateTaskRunner());
        m.capacityProperty().set(Capacity.OFFICIAL);
        m.show(f.sari.id());
        return m;
    }

    private static List<String> names(ChainEditorViewModel m) {
        return m.steps().stream().map(s -> s.nameProperty().get()).toList();
    }

    @Test
    void showsTheBuiltInChainUntilEditedAndMarksEditsUnsaved() {
        try (PostFixture f = new PostFixture(dir)) {
            ChainEditorViewModel m = model(f);
            assertTrue(m.canEdit());
            assertEquals(3, m.steps().size(), names(m).toString());
            assertFalse(m.hasUnsavedChanges());
            m.move(m.steps().get(2), -1);
            assertTrue(m.hasUnsavedChanges());
            m.revert();
            assertFalse(m.hasUnsavedChanges(), "revert reloads what is saved");
            assertEquals(3, m.steps().size());
        }
    }

    @Test
    void aStepWithoutANameOrRoleIsRefusedBeforeTheService() {
        try (PostFixture f = new PostFixture(dir)) {
            ChainEditorViewModel m = model(f);
            m.addStep();
            m.save();
            assertEquals("chains.error.stepName", m.errors().get("steps"));
            ChainEditorViewModel.Step added = m.steps().get(m.steps().size() - 1);
            added.nameProperty().set("Board secretary");
            assertTrue(m.errors().isEmpty(), "editing clears the old error");
            m.save();
            assertEquals("chains.error.noRoles", m.errors().get("steps"));
            assertTrue(m.hasUnsavedChanges(), "nothing was saved");
        }
    }

    @Test
    void savingKeepsTheOrderAndTellsTheScreen() {
        try (PostFixture f = new PostFixture(dir)) {
            ChainEditorViewModel m = model(f);
            AtomicInteger saved = new AtomicInteger();
            m.setOnSaved(saved::incrementAndGet);
            m.addStep();
            ChainEditorViewModel.Step added = m.steps().get(m.steps().size() - 1);
            added.nameProperty().set("Board secretary");
            added.roleProperty(Role.LEGAL).set(true);
            m.move(added, -1);
            List<String> before = names(m);
            m.save();
            assertNull(m.failureProperty().get());
            assertTrue(m.errors().isEmpty(), m.errors().toString());
            assertEquals(1, saved.get());
            assertFalse(m.hasUnsavedChanges());
            assertFalse(m.builtInProperty().get());
            assertEquals(before, names(model(f)), "a fresh editor reads the saved chain back in the same order");
        }
    }
}
