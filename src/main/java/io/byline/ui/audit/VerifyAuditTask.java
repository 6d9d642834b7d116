package io.byline.ui.audit;

import io.byline.service.AuditService;

import javafx.concurrent.Task;

import java.util.concurrent.CancellationException;

/** Checks the whole audit chain, reporting how many entries are done; cancelling stops it between entries. */
public final class VerifyAuditTask extends Task<AuditService.Check> {
    private final AuditService audit;

    public VerifyAuditTask(AuditService audit) {
        this.audit = audit;
    }

    @Override
    protected AuditService.Check call() {
        return audit.check((done, total) -> {
            if (isCancelled()) throw new CancellationException();
            updateProgress(done, Math.max(total, 1));
        });
    }
}
