package io.byline.ui.queue;

import io.byline.domain.Platform;
import io.byline.domain.PostState;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.domain.User;
import io.byline.service.QueueItem;
import io.byline.testing.PostFixture;
import io.byline.ui.common.ImmediateTaskRunner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue's view model without the toolkit: views, filters, and which actions each role gets. */
class QueueViewModelTest {
    @TempDir Path dir;

    private static QueueViewModel model(PostFixture f) {
        QueueViewModel m = new QueueViewModel(f.ctx.reviewService(), f.ctx.queueService(), f.ctx.publishService(), f.ctx.draftService(),
                f.ctx.executiveService(), f.ctx.session(), new ImmediateTaskRunner(), f.clock);
        m.start();
        return m;
    }

    private static List<Long> ids(QueueViewModel m) {
        return m.items().stream().map(QueueItem::postId).toList();
    }

    private static QueueViewModel.Detail open(QueueViewModel m, long id) {
        m.selectedProperty().set(m.items().stream().filter(i -> i.postId() == id).findFirst().orElseThrow());
        assertNotNull(m.detailProperty().get());
        return m.detailProperty().get();
    }

    @Test
    void postsShowAtTheExecutivesTimeWithTheZoneNamed() {
        try (PostFixture f = new PostFixture(dir)) {
            java.time.Instant nineInJakarta = java.time.ZonedDateTime.of(2026, 6, 8, 9, 0, 0, 0, java.time.ZoneId.of("Asia/Jakarta")).toInstant();
            long id = f.draft("Nine o'clock in Jakarta.", List.of(f.account(f.sari, io.byline.domain.Platform.X).id()), nineInJakarta)
                    .post().id();
            f.ctx.draftService().submit(id, null);
            f.as("andi");
            QueueViewModel m = model(f);
            QueueItem item = m.items().stream().filter(i -> i.postId() == id).findFirst().orElseThrow();
            assertEquals("8 Jun, 09:00 WIB", io.byline.ui.common.PublishTimes.brief(item.publishAt(), m.zoneOf(item.executiveId()),
                    java.util.Locale.ENGLISH), "not 02:00 in this computer's zone");
        }
    }

    @Test
    void aBadLiveLinkIsAFieldErrorAndTheHandoverStays() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Handover words.");
            f.approveAll(id);
            f.as("rina");
            QueueViewModel m = model(f);
            m.viewProperty().set(QueueViewModel.View.ALL);
            open(m, id);
            m.prepareHandover();
            assertNotNull(m.handoverProperty().get());
            m.markPublished("not a link");
            assertEquals("publish.error.url", m.errors().get("liveUrl"));
            assertNotNull(m.handoverProperty().get(), "the publish section stays, with the field and its error");
            assertEquals(io.byline.domain.PostState.APPROVED, f.ctx.draftService().get(id).post().state());
        }
    }

    @Test
    void reviewersAndSignersStartOnWaitingOnMeWritersOnOpenPosts() {
        for (var e : List.of(Set.of(Role.REVIEWER), Set.of(Role.LEGAL), Set.of(Role.APPROVER), Set.of(Role.EXECUTIVE))) {
            assertEquals(QueueViewModel.View.WAITING_ON_ME, QueueViewModel.defaultView(new User(1, "u", "U", e, true, null)));
        }
        assertEquals(QueueViewModel.View.OPEN, QueueViewModel.defaultView(new User(1, "u", "U", Set.of(Role.WRITER), true, null)));
        assertEquals(QueueViewModel.View.OPEN, QueueViewModel.defaultView(new User(1, "u", "U", Set.of(Role.ADMIN), true, null)));
    }

    @Test
    void waitingOnMeFollowsTheChain() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Our teams in Surabaya shipped on time.");
            long draft = f.draft("Still a draft").post().id();
            f.as("andi");
            QueueViewModel andi = model(f);
            assertEquals(List.of(id), ids(andi));
            f.as("maya");
            assertEquals(List.of(), ids(model(f)), "legal signs after the communications director");
            f.as("rina");
            QueueViewModel rina = model(f);
            assertEquals(QueueViewModel.View.OPEN, rina.viewProperty().get());
            assertEquals(Set.of(id, draft), Set.copyOf(ids(rina)));
        }
    }

    @Test
    void filtersNarrowTheList() {
        try (PostFixture f = new PostFixture(dir)) {
            long x = f.submitted("Plain words about Surabaya.");
            long li = f.draft("A LinkedIn note about Project Komodo", List.of(f.account(f.sari, Platform.LINKEDIN).id()),
                    PostFixture.START.plus(Duration.ofDays(5))).post().id();
            long dan = f.draft("Daniel on discipline", List.of(f.account(f.daniel, Platform.X).id()),
                    PostFixture.START.plus(Duration.ofDays(6))).post().id();
            f.as("andi");
            QueueViewModel m = model(f);
            m.viewProperty().set(QueueViewModel.View.ALL);
            assertEquals(Set.of(x, li, dan), Set.copyOf(ids(m)));
            assertFalse(m.filtered());
            m.platformProperty().set(Platform.LINKEDIN);
            assertEquals(List.of(li), ids(m));
            m.platformProperty().set(null);
            m.executiveProperty().set(m.executives().stream().filter(e -> e.id() == f.daniel.id()).findFirst().orElseThrow());
            assertEquals(List.of(dan), ids(m));
            assertTrue(m.filtered());
            m.executiveProperty().set(null);
            m.minSeverityProperty().set(Severity.BLOCK);
            assertEquals(List.of(li), ids(m), "only the codename blocks");
            m.minSeverityProperty().set(null);
            m.stateProperty().set(PostState.IN_REVIEW);
            assertEquals(List.of(x), ids(m));
            m.stateProperty().set(null);
            m.searchProperty().set("surabaya");
            assertEquals(List.of(x), ids(m));
            m.viewProperty().set(QueueViewModel.View.READY);
            assertEquals(List.of(), ids(m));
            m.clearFilters();
            assertFalse(m.filtered());
        }
    }

    @Test
    void theAuthorCannotApproveTheApproverCan() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Words for review.");
            f.as("rina");
            QueueViewModel rina = model(f);
            QueueViewModel.Detail d = open(rina, id);
            assertFalse(d.actions().canApprove());
            assertEquals("workflow.error.ownPost", d.actions().approveBlockKey());
            assertFalse(d.actions().canReject());
            f.as("budi");
            QueueViewModel budi = model(f);
            budi.viewProperty().set(QueueViewModel.View.OPEN);
            d = open(budi, id);
            assertFalse(d.actions().canApprove(), "the reviewer holds no step of the default chain");
            assertTrue(d.actions().canRequestChanges());
            f.as("andi");
            QueueViewModel andi = model(f);
            d = open(andi, id);
            assertTrue(d.actions().canApprove());
            assertEquals(Role.APPROVER, d.actions().approveAs());
            assertTrue(d.actions().canReject());
            andi.approve();
            assertEquals(List.of(), ids(andi), "no longer waiting on andi");
            assertNull(andi.detailProperty().get());
            f.as("maya");
            QueueViewModel maya = model(f);
            assertEquals(List.of(id), ids(maya));
            assertTrue(open(maya, id).actions().canApprove());
        }
    }

    @Test
    void blockingFindingsNeedAnOverrideBeforeApproval() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Project Komodo is on track.");
            f.as("andi");
            QueueViewModel andi = model(f);
            QueueViewModel.Detail d = open(andi, id);
            assertFalse(d.actions().canApprove());
            assertEquals("workflow.error.unresolvedFindings", d.actions().approveBlockKey());
            assertTrue(d.actions().canOverride());
            String fp = d.post().findings().get(0).fingerprint();
            andi.override(fp, "short");
            assertEquals("workflow.error.reasonRequired", andi.errors().get("reason"));
            andi.override(fp, "Announced at the press event this morning");
            d = andi.detailProperty().get();
            assertFalse(d.post().findings().get(0).unresolved());
            assertTrue(d.actions().canApprove());
        }
    }

    @Test
    void requestChangesSendsItBackAndShowsTheDiffNextTime() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Our first words.");
            f.as("andi");
            QueueViewModel andi = model(f);
            assertEquals(0, open(andi, id).diff().fromNumber());
            andi.requestChanges("Please make it warmer and name the team");
            assertEquals(List.of(), ids(andi));
            f.as("rina");
            f.ctx.draftService().save(id, "Our warm first words, Surabaya team.", java.util.Map.of());
            f.ctx.draftService().submit(id, null);
            f.as("andi");
            andi = model(f);
            QueueViewModel.Detail d = open(andi, id);
            assertEquals(1, d.diff().fromNumber());
            assertEquals(2, d.diff().toNumber());
            assertTrue(d.diff().changed());
            assertEquals(1, d.comments().size());
        }
    }

    @Test
    void calendarShowsApprovedPostsByDayAndMovesThem() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Calendar words.");
            f.approveAll(id);
            f.as("rina");
            CalendarViewModel c = new CalendarViewModel(f.ctx.reviewService(), f.ctx.queueService(), f.ctx.session(), new ImmediateTaskRunner(),
                    f.clock, executive -> java.time.ZoneOffset.UTC);
            c.load();
            assertEquals(42, c.days().size());
            assertEquals(java.time.DayOfWeek.MONDAY, c.days().get(0).getDayOfWeek());
            var day = java.time.LocalDate.of(2026, 6, 11);
            assertEquals(List.of(id), c.byDay().get(day).stream().map(QueueItem::postId).toList());
            c.modeProperty().set(CalendarViewModel.Mode.WEEK);
            assertEquals(7, c.days().size());
            assertFalse(c.days().contains(day), "the week of 1 June");
            c.next();
            assertTrue(c.days().contains(day));
            c.move(id, java.time.LocalDate.of(2026, 5, 20));
            assertFalse(c.lastMoveProperty().get().ok());
            assertEquals("compose.error.publishInPast", c.lastMoveProperty().get().errorKey());
            c.move(id, day.plusDays(2));
            assertTrue(c.lastMoveProperty().get().ok());
            assertEquals(3, c.lastMoveProperty().get().result().approvalsVoided(), "an approval covers the publish time");
            assertTrue(c.byDay().getOrDefault(day.plusDays(2), List.of()).isEmpty(), "back in review, off the calendar");
            assertEquals(PostState.IN_REVIEW, f.ctx.draftService().get(id).post().state());
        }
    }

    @Test
    void theExecutiveWhoSignsLastMovesTheirPostOnTheCalendarAndItStaysApproved() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Calendar words, moved by Sari.");
            f.approveAll(id);
            f.as("sari");
            CalendarViewModel c = new CalendarViewModel(f.ctx.reviewService(), f.ctx.queueService(), f.ctx.session(), new ImmediateTaskRunner(),
                    f.clock, executive -> java.time.ZoneOffset.UTC);
            c.load();
            assertTrue(c.canReschedule());
            var day = java.time.LocalDate.of(2026, 6, 11);
            c.move(id, day.plusDays(1));
            assertTrue(c.lastMoveProperty().get().ok());
            assertEquals(0, c.lastMoveProperty().get().result().approvalsVoided());
            assertEquals(List.of(id), c.byDay().get(day.plusDays(1)).stream().map(QueueItem::postId).toList());
            assertEquals(PostState.APPROVED, f.ctx.draftService().get(id).post().state());
        }
    }

    @Test
    void movingIntoAnEmbargoVoidsTheApprovals() {
        try (PostFixture f = new PostFixture(dir)) {
            var after = java.time.Instant.parse("2027-03-02T02:00:00Z");
            f.clock.set(java.time.Instant.parse("2027-02-20T00:00:00Z"));
            long id = f.draft("Nusa Pay is live for everyone.", List.of(f.account(f.sari, Platform.X).id()), after).post().id();
            f.ctx.draftService().submit(id, null);
            f.approveAll(id);
            f.as("rina");
            CalendarViewModel c = new CalendarViewModel(f.ctx.reviewService(), f.ctx.queueService(), f.ctx.session(), new ImmediateTaskRunner(),
                    f.clock, executive -> java.time.ZoneOffset.UTC);
            c.load();
            c.move(id, java.time.LocalDate.of(2027, 2, 27));
            CalendarViewModel.MoveOutcome m = c.lastMoveProperty().get();
            assertTrue(m.ok());
            assertEquals(1, m.result().newFindings().size());
            assertEquals(3, m.result().approvalsVoided());
            assertEquals(PostState.IN_REVIEW, m.result().post().state());
            assertTrue(c.items().isEmpty(), "back in review: off the calendar");
        }
    }

    @Test
    void chainEditorEditsForApproversOnly() {
        try (PostFixture f = new PostFixture(dir)) {
            f.as("andi");
            var m = new io.byline.ui.executives.ChainEditorViewModel(f.ctx.chainService(), f.ctx.session(), new ImmediateTaskRunner());
            assertTrue(m.canEdit());
            m.show(f.sari.id());
            assertEquals(3, m.steps().size());
            assertFalse(m.hasUnsavedChanges());
            m.addStep();
            assertTrue(m.hasUnsavedChanges());
            m.save();
            assertEquals("chains.error.stepName", m.errors().get("steps"));
            var s = m.steps().get(3);
            s.nameProperty().set("Board secretary");
            m.save();
            assertEquals("chains.error.noRoles", m.errors().get("steps"));
            s.roleProperty(Role.REVIEWER).set(true);
            s.roleProperty(Role.LEGAL).set(true);
            s.ruleProperty().set(io.byline.domain.StepRule.ALL);
            m.move(s, -1);
            m.save();
            assertFalse(m.hasUnsavedChanges());
            var saved = f.ctx.chainService().chain(f.sari.id(), io.byline.domain.Capacity.OFFICIAL).steps();
            assertEquals(4, saved.size());
            assertEquals("Board secretary", saved.get(2).name());
            assertEquals(EnumSet.of(Role.REVIEWER, Role.LEGAL), EnumSet.copyOf(saved.get(2).roles()));
            m.capacityProperty().set(io.byline.domain.Capacity.PERSONAL);
            assertEquals(2, m.steps().size());
            f.as("rina");
            assertFalse(new io.byline.ui.executives.ChainEditorViewModel(f.ctx.chainService(), f.ctx.session(),
                    new ImmediateTaskRunner()).canEdit());
        }
    }

    @Test
    void anExpiredPostTellsItsAuthorAndPopsUpForThem() {
        try (PostFixture f = new PostFixture(dir)) {
            long id = f.submitted("Too late for approval.");
            f.clock.advance(Duration.ofDays(10));
            f.as("andi");
            List<ToastPresenter.Toast> andiToasts = new java.util.ArrayList<>();
            var i18n = io.byline.ui.common.I18n.of(java.util.Locale.ENGLISH);
            QueueBadge andi = new QueueBadge(f.ctx.reviewService(), f.ctx.queueService(), f.ctx.notificationService(),
                    new QueueAlerts(i18n, recorder(andiToasts)));
            assertEquals(0, andi.count(), "expired: no longer waiting on andi");
            assertEquals(PostState.EXPIRED, f.ctx.draftService().get(id).post().state());
            f.as("rina");
            List<ToastPresenter.Toast> rinaToasts = new java.util.ArrayList<>();
            QueueBadge rina = new QueueBadge(f.ctx.reviewService(), f.ctx.queueService(), f.ctx.notificationService(),
                    new QueueAlerts(i18n, recorder(rinaToasts)));
            rina.count();
            assertEquals(1, rinaToasts.size());
            assertEquals(ToastPresenter.Kind.WARNING, rinaToasts.get(0).kind());
            assertTrue(rinaToasts.get(0).text().contains("expired"), rinaToasts.get(0).text());
            assertEquals(id, rinaToasts.get(0).postId());
            rina.count();
            assertEquals(1, rinaToasts.size(), "shown once");
            NotificationsViewModel bell = new NotificationsViewModel(f.ctx.notificationService(), new ImmediateTaskRunner());
            bell.load();
            assertEquals(1, bell.unreadProperty().get());
            bell.markAllRead();
            assertEquals(0, bell.unreadProperty().get());
        }
    }

    @Test
    void somethingNewWaitingPopsUpOnce() {
        try (PostFixture f = new PostFixture(dir)) {
            f.submitted("First post.");
            f.as("andi");
            List<ToastPresenter.Toast> toasts = new java.util.ArrayList<>();
            QueueBadge badge = new QueueBadge(f.ctx.reviewService(), f.ctx.queueService(), f.ctx.notificationService(),
                    new QueueAlerts(io.byline.ui.common.I18n.of(java.util.Locale.ENGLISH), recorder(toasts)));
            assertEquals(1, badge.count());
            assertEquals(1, toasts.size());
            badge.count();
            assertEquals(1, toasts.size());
            f.submitted("Second post.");
            f.as("andi");
            assertEquals(2, badge.count());
            assertEquals(2, toasts.size());
            assertTrue(toasts.get(1).text().contains("Sari Wijaya"), toasts.get(1).text());
        }
    }

    private static ToastPresenter recorder(List<ToastPresenter.Toast> into) {
        return new ToastPresenter() {
            @Override
            public void show(Toast t) {
                into.add(t);
            }
        };
    }
}
