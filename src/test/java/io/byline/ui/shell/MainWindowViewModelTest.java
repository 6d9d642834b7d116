package io.byline.ui.shell;

import io.byline.AppContext;
import io.byline.domain.Role;
import io.byline.testing.TestWorkspace;
import io.byline.ui.common.Badge;
import io.byline.ui.common.Icons;
import io.byline.ui.common.ImmediateTaskRunner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainWindowViewModelTest {
    @TempDir Path dir;
    AppContext ctx;

    @AfterEach
    void close() {
        if (ctx != null) ctx.close();
    }

    /** A badge as a later screen registers one. */
    public static final class ThreeWaiting implements Badge {
        @Override
        public int count() {
            return 3;
        }
    }

    private MainWindowViewModel as(String user, ScreenRegistry registry) {
        ctx = TestWorkspace.demo(dir);
        return new MainWindowViewModel(TestWorkspace.signIn(ctx, user), registry, ctx.workspaceService(),
                new ImmediateTaskRunner(), c -> io.byline.ui.common.StatusItem.class.isAssignableFrom(c)
                        ? (io.byline.ui.common.StatusItem) () -> "status" : new ThreeWaiting());
    }

    @Test
    void navigationShowsOnlyWhatTheRolesMayOpen() {
        MainWindowViewModel writer = as("rina", ScreenRegistry.standard());
        List<String> writerSees = writer.entries().stream().map(NavEntry::id).toList();
        assertEquals(ScreenRegistry.standard().all().stream().filter(e -> e.visibleTo(TestWorkspace.signIn(ctx, "rina")))
                .map(NavEntry::id).toList(), writerSees);
        assertTrue(writerSees.contains("executives"));
        assertFalse(writerSees.contains("users"), "a Writer must not see the Users screen");
        ctx.close();
        ctx = null;
        dir = dir.resolve("admin");
        MainWindowViewModel admin = as("admin", ScreenRegistry.standard());
        List<String> adminSees = admin.entries().stream().map(NavEntry::id).toList();
        assertTrue(adminSees.containsAll(List.of("executives", "users")));
        assertEquals("users", adminSees.get(adminSees.size() - 1), "Users comes last");
        assertEquals("users", admin.byShortcut(adminSees.size()).orElseThrow().id());
    }

    @Test
    void badgesAndWorkspaceNameLoadOnRefresh() {
        ScreenRegistry registry = new ScreenRegistry()
                .add(new NavEntry("queue", "nav.executives", Icons.QUEUE, Object.class, EnumSet.of(Role.REVIEWER), ThreeWaiting.class));
        MainWindowViewModel m = as("budi", registry);
        m.refresh();
        assertEquals(3, m.badge("queue").get());
        assertEquals("PT Nusa Demo", m.workspaceNameProperty().get());
        assertTrue(m.select("queue"));
    }

    @Test
    void twoScreensCannotShareAnId() {
        ScreenRegistry r = ScreenRegistry.standard();
        assertThrows(IllegalArgumentException.class,
                () -> r.add(new NavEntry("users", "nav.users", Icons.USERS, Object.class, EnumSet.of(Role.ADMIN))));
    }
}
