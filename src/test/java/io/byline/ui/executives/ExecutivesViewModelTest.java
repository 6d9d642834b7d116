package io.byline.ui.executives;

import io.byline.AppContext;
import io.byline.domain.Capacity;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.service.ExecutiveService;
import io.byline.testing.TestWorkspace;
import io.byline.ui.common.ImmediateTaskRunner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutivesViewModelTest {
    @TempDir Path dir;
    AppContext ctx;

    ExecutivesViewModel as(String user) {
        ctx = TestWorkspace.demo(dir);
        TestWorkspace.signIn(ctx, user);
        ExecutivesViewModel m = new ExecutivesViewModel(ctx.executiveService(), new ImmediateTaskRunner());
        m.load();
        return m;
    }

    @AfterEach
    void close() {
        if (ctx != null) ctx.close();
    }

    private Executive named(ExecutivesViewModel m, String name) {
        return m.executives().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void savingANewExecutiveAddsItToTheList() {
        ExecutivesViewModel m = as("andi");
        m.newExecutive();
        m.nameProperty().set("Lina Hartati");
        m.timeZoneProperty().set("Asia/Makassar");
        assertTrue(m.dirtyProperty().get());
        m.save();
        assertFalse(m.dirtyProperty().get());
        assertEquals("Asia/Makassar", named(m, "Lina Hartati").timeZone());
        assertTrue(m.selectedProperty().get().id() > 0);
    }

    @Test
    void aMissingNameShowsOnTheNameFieldAndKeepsTheText() {
        ExecutivesViewModel m = as("andi");
        m.newExecutive();
        m.voiceNotesProperty().set("Warm and direct.");
        m.save();
        assertEquals("executives.error.nameRequired", m.errors().get("name"));
        assertEquals("Warm and direct.", m.voiceNotesProperty().get());
        m.nameProperty().set("Lina");
        assertFalse(m.errors().containsKey("name"), "typing clears the error");
    }

    @Test
    void duplicatePlatformAndHandleIsReportedOnTheHandle() {
        ExecutivesViewModel m = as("andi");
        m.select(named(m, "Daniel Hartono"));
        m.newAccount();
        m.platformProperty().set(Platform.X);
        m.handleProperty().set("@sariwijaya");
        m.saveAccount();
        assertEquals("accounts.error.handleTaken", m.accountErrors().get("handle"));
        assertTrue(m.editingAccountProperty().get() != null, "the editor stays open with what was typed");
    }

    @Test
    void personalAccountsNeedADisclaimer() {
        ExecutivesViewModel m = as("andi");
        m.select(named(m, "Daniel Hartono"));
        m.newAccount();
        m.platformProperty().set(Platform.THREADS);
        m.handleProperty().set("dan.h");
        m.capacityProperty().set(Capacity.PERSONAL);
        m.saveAccount();
        assertEquals("accounts.error.disclaimerRequired", m.accountErrors().get("disclaimer"));
        m.disclaimerProperty().set("Views are my own.");
        m.saveAccount();
        assertNull(m.editingAccountProperty().get());
        assertTrue(m.accounts().stream().anyMatch(a -> a.handle().equals("dan.h") && a.capacity() == Capacity.PERSONAL));
    }

    @Test
    void tooLargeAPhotoIsRefusedBeforeSaving() {
        ExecutivesViewModel m = as("andi");
        m.select(named(m, "Sari Wijaya"));
        m.choosePhoto(new byte[ExecutiveService.MAX_PHOTO_BYTES + 1]);
        assertEquals("executives.error.photoTooLarge", m.errors().get("photo"));
        assertNull(m.photoProperty().get());
    }

    @Test
    void retiredExecutivesAreHiddenUntilAsked() {
        ExecutivesViewModel m = as("andi");
        m.select(named(m, "Daniel Hartono"));
        m.setRetired(true);
        assertFalse(m.executives().stream().anyMatch(e -> e.name().equals("Daniel Hartono")));
        m.showRetiredProperty().set(true);
        assertTrue(named(m, "Daniel Hartono").retired());
    }

    @Test
    void writersCannotEditAndSavingIsRefusedByTheService() {
        ExecutivesViewModel m = as("rina");
        assertFalse(m.canEdit());
        m.select(named(m, "Sari Wijaya"));
        m.nameProperty().set("Sari W.");
        m.save();
        assertTrue(m.failureProperty().get() instanceof io.byline.domain.PermissionDeniedException);
    }
}
