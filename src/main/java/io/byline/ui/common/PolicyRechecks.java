package io.byline.ui.common;

import io.byline.service.PolicyRecheckService;

import javafx.concurrent.Worker;

/**
 * Starts the re-check of open posts after a policy change (or when one is due because another app, the CLI or the
 * clock changed what applies), shown in the status bar; when it ends, screens listing findings reload.
 */
public final class PolicyRechecks {
    private final PolicyRecheckService policy;
    private final BackgroundWork work;
    private final TaskRunner runner;
    private final I18n i18n;
    private final ShellStatus status;

    public PolicyRechecks(PolicyRecheckService policy, BackgroundWork work, TaskRunner runner, I18n i18n, ShellStatus status) {
        this.policy = policy;
        this.work = work;
        this.runner = runner;
        this.i18n = i18n;
        this.status = status;
    }

    /** Starts a re-check now (unless one is running). */
    public void start() {
        if (work.isRunning(RecheckPostsTask.class)) return;
        RecheckPostsTask task = new RecheckPostsTask(policy, i18n.text("policy.recheck.title"));
        task.stateProperty().addListener((obs, old, now) -> {
            if (now == Worker.State.SUCCEEDED) {
                status.show(i18n.text("policy.recheck.done", task.getValue()));
                work.announceFindingsChanged();
            } else if (now == Worker.State.CANCELLED) {
                status.show(i18n.text("policy.recheck.cancelled"));
                work.announceFindingsChanged();
            } else if (now == Worker.State.FAILED) {
                status.show(i18n.text("policy.recheck.failed"));
            }
        });
        work.start(task);
    }

    /** Starts a re-check if the stored policy or the clock made one due. */
    public void startIfDue() {
        runner.run(policy::recheckNeeded, due -> {
            if (due) start();
        }, e -> { });
    }
}
