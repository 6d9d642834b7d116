package io.byline.ui.shell;

import io.byline.domain.Role;
import io.byline.domain.User;
import io.byline.service.WorkspaceService;
import io.byline.ui.common.Badge;
import io.byline.ui.common.StatusItem;
import io.byline.ui.common.TaskRunner;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The main window's state: who is signed in, which screens they may open, badges and status items. */
public final class MainWindowViewModel {
    private final User user;
    private final List<NavEntry> entries;
    private final TaskRunner runner;
    private final WorkspaceService workspace;
    private final ReadOnlyStringWrapper workspaceName = new ReadOnlyStringWrapper("");
    private final ObjectProperty<NavEntry> selected = new SimpleObjectProperty<>();
    private final Map<String, IntegerProperty> badges = new LinkedHashMap<>();
    private final Map<String, Badge> badgeSources = new LinkedHashMap<>();
    private final List<StatusItem> statusSources;
    private final ObservableList<String> statusTexts = FXCollections.observableArrayList();

    /**
     * @param create makes badges and status items by constructor injection
     */
    public MainWindowViewModel(User user, ScreenRegistry registry, WorkspaceService workspace, TaskRunner runner,
                               Function<Class<?>, Object> create) {
        this.user = user;
        this.entries = registry.visibleTo(user);
        this.runner = runner;
        this.workspace = workspace;
        for (NavEntry e : entries) {
            badges.put(e.id(), new SimpleIntegerProperty(0));
            if (e.badge() != null) badgeSources.put(e.id(), (Badge) create.apply(e.badge()));
        }
        this.statusSources = registry.statusItems().stream().map(c -> (StatusItem) create.apply(c)).toList();
        if (!entries.isEmpty()) selected.set(entries.get(0));
    }

    public User user() {
        return user;
    }

    public Set<Role> roles() {
        return user.roles();
    }

    /** The screens this user may open, in navigation order. */
    public List<NavEntry> entries() {
        return entries;
    }

    public ObjectProperty<NavEntry> selectedProperty() {
        return selected;
    }

    /** Selects the screen with this id if the user may open it. */
    public boolean select(String id) {
        Optional<NavEntry> e = entries.stream().filter(n -> n.id().equals(id)).findFirst();
        e.ifPresent(selected::set);
        return e.isPresent();
    }

    /** The screen bound to Ctrl+{@code n} (1-based), if any. */
    public Optional<NavEntry> byShortcut(int n) {
        return n >= 1 && n <= entries.size() ? Optional.of(entries.get(n - 1)) : Optional.empty();
    }

    public IntegerProperty badge(String id) {
        return badges.get(id);
    }

    public ReadOnlyStringProperty workspaceNameProperty() {
        return workspaceName.getReadOnlyProperty();
    }

    public ObservableList<String> statusTexts() {
        return statusTexts;
    }

    /** Reloads the workspace name, the badges and the status items in the background. */
    public void refresh() {
        runner.run(workspace::name, workspaceName::set, e -> { });
        badgeSources.forEach((id, source) -> runner.run(source::count, n -> badges.get(id).set(n), e -> { }));
        if (!statusSources.isEmpty()) {
            runner.run(() -> statusSources.stream().map(StatusItem::text).filter(t -> t != null && !t.isBlank()).toList(),
                    statusTexts::setAll, e -> { });
        }
    }
}
