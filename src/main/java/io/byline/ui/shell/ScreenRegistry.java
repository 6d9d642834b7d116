package io.byline.ui.shell;

import io.byline.domain.Role;
import io.byline.domain.User;
import io.byline.ui.audit.AuditController;
import io.byline.ui.common.StatusItem;
import io.byline.ui.compose.ComposeController;
import io.byline.ui.dashboard.DashboardController;
import io.byline.ui.executives.ExecutivesController;
import io.byline.ui.policy.PolicyController;
import io.byline.ui.policy.PolicyStatusItem;
import io.byline.ui.risks.RisksBadge;
import io.byline.ui.risks.RisksController;
import io.byline.ui.queue.QueueBadge;
import io.byline.ui.queue.QueueController;
import io.byline.ui.users.UsersController;
import io.byline.ui.common.Icons;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The screens of the main window, in navigation order, and the status bar's items. A screen plugs in with one
 * line in {@link #standard()}; the window shows only the entries the signed-in user's roles may open, and binds
 * Ctrl+1, Ctrl+2 … to them in order.
 */
public final class ScreenRegistry {
    private final List<NavEntry> entries = new ArrayList<>();
    private final List<Class<? extends StatusItem>> statusItems = new ArrayList<>();

    /**
     * Byline's screens. Keep the order of the navigation: Compose, Queue, Risks, Policy, Executives, Audit,
     * Dashboard, then Users.
     */
    public static ScreenRegistry standard() {
        return new ScreenRegistry()
                .add(new NavEntry("compose", "nav.compose", Icons.COMPOSE, ComposeController.class,
                        EnumSet.of(Role.WRITER, Role.APPROVER)))
                .add(new NavEntry("queue", "nav.queue", Icons.QUEUE, QueueController.class, EnumSet.allOf(Role.class),
                        QueueBadge.class))
                .add(new NavEntry("risks", "nav.risks", Icons.RISKS, RisksController.class, EnumSet.allOf(Role.class),
                        RisksBadge.class))
                .add(new NavEntry("policy", "nav.policy", Icons.POLICY, PolicyController.class,
                        EnumSet.of(Role.LEGAL, Role.APPROVER, Role.ADMIN)))
                .add(new NavEntry("executives", "nav.executives", Icons.EXECUTIVES, ExecutivesController.class,
                        EnumSet.allOf(Role.class)))
                .add(new NavEntry("audit", "nav.audit", Icons.AUDIT, AuditController.class,
                        EnumSet.of(Role.LEGAL, Role.APPROVER, Role.ADMIN)))
                .add(new NavEntry("dashboard", "nav.dashboard", Icons.DASHBOARD, DashboardController.class,
                        EnumSet.of(Role.APPROVER, Role.LEGAL, Role.ADMIN, Role.EXECUTIVE)))
                .add(new NavEntry("users", "nav.users", Icons.USERS, UsersController.class, EnumSet.of(Role.ADMIN)))
                .status(PolicyStatusItem.class);
    }

    public ScreenRegistry add(NavEntry entry) {
        if (byId(entry.id()).isPresent()) throw new IllegalArgumentException("two screens with id " + entry.id());
        entries.add(entry);
        return this;
    }

    /** Adds an item to the status bar (shown after the window's own message). */
    public ScreenRegistry status(Class<? extends StatusItem> item) {
        statusItems.add(item);
        return this;
    }

    public List<NavEntry> all() {
        return List.copyOf(entries);
    }

    public List<NavEntry> visibleTo(User user) {
        return entries.stream().filter(e -> e.visibleTo(user)).toList();
    }

    public Optional<NavEntry> byId(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public List<Class<? extends StatusItem>> statusItems() {
        return List.copyOf(statusItems);
    }
}
