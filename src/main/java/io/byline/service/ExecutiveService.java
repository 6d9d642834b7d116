package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.Capacity;
import io.byline.domain.Executive;
import io.byline.domain.Platform;
import io.byline.domain.Role;
import io.byline.domain.ValidationException;
import io.byline.store.ExecutiveRepository;
import io.byline.store.Transactor;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The executives Byline writes for, and their accounts. Approvers (communications directors) and admins edit them. */
public final class ExecutiveService {
    /** Largest photo accepted, in bytes. */
    public static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;
    private static final Map<Platform, Pattern> HANDLES = Map.of(
            Platform.X, Pattern.compile("[A-Za-z0-9_]{1,15}"),
            Platform.LINKEDIN, Pattern.compile("[A-Za-z0-9-]{3,100}"),
            Platform.THREADS, Pattern.compile("[A-Za-z0-9._]{1,30}"),
            Platform.INSTAGRAM, Pattern.compile("[A-Za-z0-9._]{1,30}"),
            Platform.BLUESKY, Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+"),
            Platform.MASTODON, Pattern.compile("[A-Za-z0-9_]{1,30}@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
            Platform.FACEBOOK, Pattern.compile("[A-Za-z0-9.]{5,50}"));

    private final Transactor db;
    private final ExecutiveRepository executives;
    private final AuditService audit;
    private final Session session;

    public ExecutiveService(Transactor db, ExecutiveRepository executives, AuditService audit, Session session) {
        this.db = db;
        this.executives = executives;
        this.audit = audit;
        this.session = session;
    }

    /** Whether the signed-in user may add, edit and retire executives and accounts. */
    public boolean canEdit() {
        return session.user().map(u -> u.hasAny(Role.APPROVER, Role.ADMIN)).orElse(false);
    }

    public List<Executive> list(boolean includeRetired) {
        session.require();
        return db.inRead(tx -> executives.all(tx, includeRetired));
    }

    public Optional<Executive> get(long id) {
        session.require();
        return db.inRead(tx -> executives.byId(tx, id));
    }

    /** Adds (id 0) or updates an executive. */
    public Executive save(Executive e) {
        session.requireAny(Role.APPROVER, Role.ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.name().isBlank()) errors.put("name", "executives.error.nameRequired");
        if (e.name().length() > 120) errors.put("name", "executives.error.nameTooLong");
        try {
            ZoneId.of(e.timeZone());
        } catch (DateTimeException ex) {
            errors.put("timeZone", "executives.error.timeZone");
        }
        if (e.photo() != null && e.photo().length > MAX_PHOTO_BYTES) errors.put("photo", "executives.error.photoTooLarge");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Executive clean = new Executive(e.id(), e.name().strip(), e.title().strip(), e.organisation().strip(), e.voiceNotes(),
                e.photo(), e.timeZone(), e.retired());
        return db.inWrite(tx -> {
            if (clean.id() == 0) {
                long id = executives.insert(tx, clean);
                audit.record(tx, "executive.create", "executive", id, Map.of("name", clean.name()));
                return clean.withId(id);
            }
            executives.byId(tx, clean.id()).orElseThrow(() -> new ValidationException("executive", "executives.error.notFound"));
            executives.update(tx, clean);
            audit.record(tx, "executive.update", "executive", clean.id(), Map.of("name", clean.name()));
            return clean;
        });
    }

    /** Retires (or brings back) an executive; their accounts stay, and nothing new can be drafted for them. */
    public void setRetired(long id, boolean retired) {
        session.requireAny(Role.APPROVER, Role.ADMIN);
        db.inWrite(tx -> {
            executives.byId(tx, id).orElseThrow(() -> new ValidationException("executive", "executives.error.notFound"));
            executives.setRetired(tx, id, retired);
            return audit.record(tx, retired ? "executive.retire" : "executive.restore", "executive", id, Map.of());
        });
    }

    public List<Account> accounts(long executiveId, boolean includeRetired) {
        session.require();
        return db.inRead(tx -> executives.accounts(tx, executiveId, includeRetired));
    }

    public List<Account> allAccounts(boolean includeRetired) {
        session.require();
        return db.inRead(tx -> executives.allAccounts(tx, includeRetired));
    }

    /** Adds (id 0) or updates an account; a platform and handle may belong to one account only. */
    public Account saveAccount(Account a) {
        session.requireAny(Role.APPROVER, Role.ADMIN);
        String handle = stripAt(a.handle());
        Map<String, String> errors = new LinkedHashMap<>();
        if (handle.isEmpty()) errors.put("handle", "accounts.error.handleRequired");
        else if (!HANDLES.get(a.platform()).matcher(handle).matches()) errors.put("handle", "accounts.error.handleFormat");
        if (a.capacity() == Capacity.PERSONAL && a.disclaimer().isBlank()) errors.put("disclaimer", "accounts.error.disclaimerRequired");
        if (a.bio().length() > 1000) errors.put("bio", "accounts.error.bioTooLong");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Account clean = new Account(a.id(), a.executiveId(), a.platform(), handle, a.capacity(), a.bio().strip(),
                a.disclaimer().strip(), a.retired());
        return db.inWrite(tx -> {
            executives.byId(tx, clean.executiveId()).orElseThrow(() -> new ValidationException("executive", "executives.error.notFound"));
            if (executives.handleTaken(tx, clean.platform(), clean.handle(), clean.id())) {
                throw new ValidationException("handle", "accounts.error.handleTaken");
            }
            Map<String, Object> details = Map.of("platform", clean.platform().id(), "handle", clean.handle(),
                    "capacity", clean.capacity().name());
            if (clean.id() == 0) {
                long id = executives.insertAccount(tx, clean);
                audit.record(tx, "account.create", "account", id, details);
                return clean.withId(id);
            }
            executives.account(tx, clean.id()).orElseThrow(() -> new ValidationException("account", "accounts.error.notFound"));
            executives.updateAccount(tx, clean);
            audit.record(tx, "account.update", "account", clean.id(), details);
            return clean;
        });
    }

    public void setAccountRetired(long id, boolean retired) {
        session.requireAny(Role.APPROVER, Role.ADMIN);
        db.inWrite(tx -> {
            executives.account(tx, id).orElseThrow(() -> new ValidationException("account", "accounts.error.notFound"));
            executives.setAccountRetired(tx, id, retired);
            return audit.record(tx, retired ? "account.retire" : "account.restore", "account", id, Map.of());
        });
    }

    private static String stripAt(String handle) {
        String h = handle == null ? "" : handle.strip();
        while (h.startsWith("@")) h = h.substring(1);
        return h;
    }
}
