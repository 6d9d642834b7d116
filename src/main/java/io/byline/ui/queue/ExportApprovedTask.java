package io.byline.ui.queue;

import io.byline.service.PublishService;

import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.List;

/**
 * Exports every approved or scheduled post that passes the final gate, as JSON or as a scheduler's CSV. Shown with
 * a progress bar and a cancel button; cancelling before the files are written writes nothing.
 */
public final class ExportApprovedTask extends Task<PublishService.ExportResult> {
    /** What to write. Hootsuite and Buffer take one file per account, so their target is a folder. */
    public enum Format {
        JSON(false), HOOTSUITE(true), BUFFER(true), BYLINE_CSV(false);

        private final boolean folder;

        Format(boolean folder) {
            this.folder = folder;
        }

        public boolean folder() {
            return folder;
        }
    }

    private final PublishService publishing;
    private final Format format;
    private final Path target;

    public ExportApprovedTask(PublishService publishing, Format format, Path target) {
        this.publishing = publishing;
        this.format = format;
        this.target = target;
    }

    @Override
    protected PublishService.ExportResult call() {
        updateProgress(0, 3);
        List<Long> ids = publishing.exportable();
        updateProgress(1, 3);
        if (isCancelled()) return null;
        PublishService.ExportResult r = switch (format) {
            case JSON -> publishing.exportJson(ids, target, false);
            case HOOTSUITE -> publishing.exportCsv(PublishService.CsvFormat.HOOTSUITE, ids, target);
            case BUFFER -> publishing.exportCsv(PublishService.CsvFormat.BUFFER, ids, target);
            case BYLINE_CSV -> publishing.exportCsv(PublishService.CsvFormat.BYLINE, ids, target);
        };
        updateProgress(3, 3);
        return r;
    }
}
