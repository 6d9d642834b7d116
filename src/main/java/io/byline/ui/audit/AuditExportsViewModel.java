package io.byline.ui.audit;

import io.byline.domain.AuditFilter;
import io.byline.domain.ExportFormat;
import io.byline.service.AuditService;
import io.byline.service.EvidenceService;
import io.byline.service.WorkspaceService;
import io.byline.ui.common.TaskRunner;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * What the Audit screen writes to files: the log (JSON lines or CSV, with the filters shown), a checkpoint of the
 * chain, and a post's evidence bundle. Each runs in the background and ends in an {@link Outcome} the screen shows;
 * a success also reloads the log, which now holds the entry recording the export.
 */
public final class AuditExportsViewModel {
    /**
     * What came of the last export: a message key with its arguments, or the failure.
     *
     * @param key   {@code audit.export.done}, {@code audit.checkpoint.done} or {@code audit.evidence.done}; null on failure
     */
    public record Outcome(String key, List<Object> args, Throwable error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final AuditService audit;
    private final EvidenceService evidence;
    private final WorkspaceService workspace;
    private final TaskRunner runner;
    private final Runnable reload;
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();

    public AuditExportsViewModel(AuditService audit, EvidenceService evidence, WorkspaceService workspace, TaskRunner runner,
                                 Runnable reload) {
        this.audit = audit;
        this.evidence = evidence;
        this.workspace = workspace;
        this.runner = runner;
        this.reload = reload;
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() { return outcome.getReadOnlyProperty(); }

    /** Writes the entries matching the filter; the format follows the file's extension ({@code .csv}, else JSON lines). */
    public void export(Path file, AuditFilter filter) {
        run(() -> audit.export(file, ExportFormat.forFile(file.getFileName().toString()), filter),
                n -> new Outcome("audit.export.done", List.of(n, file), null));
    }

    /** Writes a checkpoint (last sequence and MAC) to keep elsewhere. */
    public void checkpoint(Path file) {
        run(() -> audit.writeCheckpoint(file, workspace.id()),
                cp -> new Outcome("audit.checkpoint.done", List.of(file, cp.seq()), null));
    }

    /** Writes the evidence bundle of a post (JSON and its HTML view beside it). */
    public void evidence(long postId, Path jsonFile) {
        run(() -> evidence.writePostBundle(postId, jsonFile),
                w -> new Outcome("audit.evidence.done", List.of(postId, w.json().getFileName(), w.html().getFileName()), null));
    }

    /** A task that checks the whole chain, with progress, for the screen to run and show. */
    public VerifyAuditTask verifyTask() {
        return new VerifyAuditTask(audit);
    }

    private <T> void run(Callable<T> work, Function<T, Outcome> done) {
        outcome.set(null);
        runner.run(work, r -> {
            outcome.set(done.apply(r));
            reload.run();
        }, e -> outcome.set(new Outcome(null, List.of(), e)));
    }
}
