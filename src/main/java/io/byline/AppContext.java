package io.byline;

import io.byline.service.AllowProposalService;
import io.byline.service.AuditService;
import io.byline.service.AuthService;
import io.byline.service.ChainService;
import io.byline.service.BackupService;
import io.byline.service.DashboardService;
import io.byline.service.DemoWorkspace;
import io.byline.service.PostEvidence;
import io.byline.service.QueueService;
import io.byline.service.DraftService;
import io.byline.service.NotificationService;
import io.byline.service.PolicyProvider;
import io.byline.service.PolicyBenchService;
import io.byline.service.PolicyRecheckService;
import io.byline.service.PolicyService;
import io.byline.service.PolicyTransferService;
import io.byline.service.RiskService;
import io.byline.service.PostServices;
import io.byline.service.PublishService;
import io.byline.service.ReviewService;
import io.byline.service.EvidenceService;
import io.byline.service.ExecutiveService;
import io.byline.service.PasswordHasher;
import io.byline.service.PreferencesService;
import io.byline.service.Session;
import io.byline.service.UserService;
import io.byline.service.WorkspaceService;
import io.byline.store.AuditKey;
import io.byline.domain.StorageException;
import io.byline.store.AuditLog;
import io.byline.store.DashboardQueries;
import io.byline.store.Database;
import io.byline.store.DatabaseLocation;
import io.byline.store.DatabaseRestore;
import io.byline.store.Migration;
import io.byline.store.PreferencesFile;
import io.byline.store.SettingsRepository;
import io.byline.store.SqliteApprovalRepository;
import io.byline.store.SqliteNotificationRepository;
import io.byline.store.SqlitePostRepository;
import io.byline.store.SqliteExecutiveRepository;
import io.byline.store.SqlitePolicyRepository;
import io.byline.store.SqliteUserRepository;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;

/**
 * The composition root: the only place that creates stores and services. One context per open
 * database; the GUI and the headless commands both start here.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AppContext.class.getName());
    private final DatabaseLocation location;
    private final Database database;
    private final Session session = new Session();
    private final PasswordHasher hasher;
    private final SqliteUserRepository userRepository = new SqliteUserRepository();
    private final SqliteExecutiveRepository executiveRepository = new SqliteExecutiveRepository();
    private final SqlitePolicyRepository policyRepository = new SqlitePolicyRepository();
    private final io.byline.store.SqlitePolicyFactsRepository policyFactsRepository = new io.byline.store.SqlitePolicyFactsRepository();
    private final SettingsRepository settingsRepository = new SettingsRepository();
    private final SqlitePostRepository postRepository = new SqlitePostRepository();
    private final SqliteApprovalRepository approvalRepository = new SqliteApprovalRepository();
    private final SqliteNotificationRepository notificationRepository = new SqliteNotificationRepository();
    private final AuditLog auditLog;
    private final AuditService auditService;
    private final AuthService authService;
    private final UserService userService;
    private final ExecutiveService executiveService;
    private final WorkspaceService workspaceService;
    private final PreferencesService preferencesService;
    private final BackupService backupService;
    private final EvidenceService evidenceService;
    /** What controllers may ask for in their constructors: the services, plus what the window adds with {@link #provide}. */
    private final Map<Class<?>, Object> components = new LinkedHashMap<>();
    private final Clock clock;
    private final PolicyProvider policyProvider;
    private final PostServices postServices;
    private final NotificationService notificationService;
    private final PolicyService policyService;
    private final io.byline.service.PolicyFactsService policyFactsService;
    private final PolicyTransferService policyTransferService;
    private final PolicyBenchService policyBenchService;
    private final PolicyRecheckService policyRecheckService;
    private final AllowProposalService allowProposalService;
    private final RiskService riskService;
    private final DashboardService dashboardService;

    /** Opens the database at the location (creating and migrating it as needed) and wires the services. */
    public static AppContext open(DatabaseLocation location, boolean seedDemoIfNew) {
        return open(location, seedDemoIfNew, new PasswordHasher());
    }

    public static AppContext open(DatabaseLocation location, boolean seedDemoIfNew, PasswordHasher hasher) {
        return open(location, seedDemoIfNew, hasher, Clock.systemUTC());
    }

    /** As {@link #open(DatabaseLocation, boolean, PasswordHasher)}, with the clock deadlines and expiry use (tests). */
    public static AppContext open(DatabaseLocation location, boolean seedDemoIfNew, PasswordHasher hasher, Clock clock) {
        Database db = Database.open(location.database(), location.backups());
        return wire(location, db, seedDemoIfNew && db.wasCreated(), hasher, clock);
    }

    /**
     * Opens an existing workspace for a headless command, never creating one: {@link Database.Mode#EXISTING} for
     * commands that change it (under the single-instance lock), {@link Database.Mode#SHARED} for those that only read
     * it and record what they did (without the lock, so they work while the app has it open; never upgraded).
     */
    public static AppContext openExisting(DatabaseLocation location, Database.Mode mode) {
        Database db = Database.open(location.database(), location.backups(), Migration.bundled(), mode);
        return wire(location, db, false, new PasswordHasher(), Clock.systemUTC());
    }

    private static AppContext wire(DatabaseLocation location, Database db, boolean seed, PasswordHasher hasher, Clock clock) {
        try {
            return new AppContext(location, db, seed, hasher, clock);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private AppContext(DatabaseLocation location, Database database, boolean seed, PasswordHasher hasher, Clock clock) {
        this.location = location;
        this.clock = clock;
        this.database = database;
        this.hasher = hasher;
        String workspaceId = WorkspaceService.ensureId(database, settingsRepository, database.file());
        this.auditLog = AuditLog.forWorkspace(database, location.keys(), workspaceId);
        this.auditService = new AuditService(database, auditLog, session);
        this.authService = new AuthService(database, userRepository, auditService, session, hasher, clock);
        this.userService = new UserService(database, userRepository, executiveRepository, auditService, session, hasher);
        this.executiveService = new ExecutiveService(database, executiveRepository, auditService, session);
        this.workspaceService = new WorkspaceService(database, settingsRepository);
        this.preferencesService = new PreferencesService(new PreferencesFile(location.home()));
        this.backupService = new BackupService(database, auditService, settingsRepository, location.backups(),
                workspaceId, session);
        this.evidenceService = new EvidenceService(database, auditLog, auditService, workspaceService, session);
        this.policyProvider = new PolicyProvider(policyRepository, policyFactsRepository, PostServices::validatorChecker);
        this.postServices = new PostServices(database, postRepository, approvalRepository, executiveRepository,
                notificationRepository, settingsRepository, policyProvider, auditService, session, clock);
        this.notificationService = new NotificationService(database, notificationRepository, session);
        this.policyService = new PolicyService(database, policyRepository, settingsRepository, policyProvider, auditService,
                session, clock);
        this.policyTransferService = new PolicyTransferService(database, policyRepository, settingsRepository, policyProvider,
                auditService, session);
        this.policyBenchService = new PolicyBenchService(database, postRepository, executiveRepository, policyProvider, session,
                clock);
        this.policyRecheckService = new PolicyRecheckService(database, policyRepository, settingsRepository, postRepository,
                postServices.drafts(), session, clock);
        this.allowProposalService = new AllowProposalService(database, policyRepository, settingsRepository, policyProvider,
                auditService, session, clock);
        this.policyFactsService = new io.byline.service.PolicyFactsService(database, policyFactsRepository, policyService, policyProvider,
                auditService, session);
        this.riskService = new RiskService(database, postRepository, executiveRepository, postServices.reviews(),
                allowProposalService, session);
        this.dashboardService = new DashboardService(database, new DashboardQueries(), session, clock);
        new PostEvidence(postRepository, approvalRepository, executiveRepository).registerWith(evidenceService);
        for (Object service : new Object[] {session, auditService, authService, userService, executiveService,
                workspaceService, preferencesService, backupService, clock, policyProvider, postServices.drafts(),
                postServices.reviews(), postServices.chains(), postServices.queue(), postServices.publishing(), notificationService, policyService, policyTransferService,
                policyBenchService, policyRecheckService, allowProposalService, riskService,
                evidenceService, dashboardService, policyFactsService}) {
            components.put(service.getClass(), service);
        }
        if (seed) {
            DemoWorkspace.seed(database, userRepository, executiveRepository, policyRepository, settingsRepository,
                    auditService, hasher);
            DemoWorkspace.seedChains(database, executiveRepository, approvalRepository, clock.instant());
        }
    }

    public DatabaseLocation location() { return location; }

    /** The audit key and its folder, those of them other users of the computer can read (a warning at start). */
    public java.util.List<Path> exposedKeys() {
        return AuditKey.exposed(location.keys(), workspaceService.id());
    }
    public Database database() { return database; }
    public Session session() { return session; }
    public AuditService auditService() { return auditService; }
    public AuthService authService() { return authService; }
    public UserService userService() { return userService; }
    public ExecutiveService executiveService() { return executiveService; }
    public WorkspaceService workspaceService() { return workspaceService; }
    public PreferencesService preferencesService() { return preferencesService; }
    public BackupService backupService() { return backupService; }
    public EvidenceService evidenceService() { return evidenceService; }
    public Clock clock() { return clock; }
    public PasswordHasher hasher() { return hasher; }
    public PolicyProvider policyProvider() { return policyProvider; }
    public DraftService draftService() { return postServices.drafts(); }
    public ReviewService reviewService() { return postServices.reviews(); }
    public ChainService chainService() { return postServices.chains(); }
    public QueueService queueService() { return postServices.queue(); }
    public PublishService publishService() { return postServices.publishing(); }
    public NotificationService notificationService() { return notificationService; }
    public PolicyService policyService() { return policyService; }
    public io.byline.service.PolicyFactsService policyFactsService() { return policyFactsService; }
    public PolicyTransferService policyTransferService() { return policyTransferService; }
    public PolicyBenchService policyBenchService() { return policyBenchService; }
    public PolicyRecheckService policyRecheckService() { return policyRecheckService; }
    public AllowProposalService allowProposalService() { return allowProposalService; }
    public RiskService riskService() { return riskService; }
    public DashboardService dashboardService() { return dashboardService; }

    /**
     * Makes an object available to controllers' constructors under its type (the window adds the task runner,
     * dialogs, bundle and the like). Providing a type again replaces the earlier object, e.g. after a language switch.
     */
    public synchronized <T> void provide(Class<T> type, T instance) {
        components.put(type, type.cast(instance));
    }

    /**
     * Creates a controller (or any object the UI registers, such as a badge) by constructor injection: the public
     * constructor with the most parameters is called with the service or provided object of each parameter's type.
     * Used as the {@code FXMLLoader} controller factory. Fails with a message naming what was missing.
     */
    public synchronized Object createController(Class<?> type) {
        Constructor<?> ctor = Arrays.stream(type.getConstructors())
                .max(Comparator.comparingInt(Constructor::getParameterCount))
                .orElseThrow(() -> new IllegalStateException(type.getName() + " has no public constructor"));
        Object[] args = new Object[ctor.getParameterCount()];
        Class<?>[] types = ctor.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            args[i] = component(types[i], type);
        }
        try {
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException("cannot create " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    private Object component(Class<?> wanted, Class<?> forType) {
        if (wanted == AppContext.class) {
            throw new IllegalStateException(forType.getName() + " asks for the AppContext; ask for the services it needs");
        }
        Object exact = components.get(wanted);
        if (exact != null) return exact;
        for (Object c : components.values()) {
            if (wanted.isInstance(c)) return c;
        }
        if (!wanted.isInterface() && !Modifier.isAbstract(wanted.getModifiers()) && wanted.getName().startsWith("io.byline.ui.")) {
            return createController(wanted); // e.g. a view model or a helper of the screen, made the same way
        }
        throw new IllegalStateException(forType.getName() + " needs a " + wanted.getName() + ", which nothing provides");
    }

    /**
     * What the app does once it is open: the daily backup when it is due. A failing daily backup does not stop
     * Byline from starting; it is logged and returned so the window can show it.
     */
    public Optional<StorageException> runStartupTasks(Instant now) {
        try {
            backupService.dailyIfDue(now);
            return Optional.empty();
        } catch (StorageException e) {
            LOG.log(Level.WARNING, "The daily backup failed: " + e.getMessage(), e);
            return Optional.of(e);
        }
    }

    /** A backup refused because its audit log does not verify; nothing was changed. */
    public static final class UnverifiedBackup extends StorageException {
        private static final long serialVersionUID = 1L;
        private final transient AuditLog.Verification check;

        UnverifiedBackup(Path backup, AuditLog.Verification check) {
            super(StorageException.Kind.FAILED, "The audit log of the backup " + backup + " does not verify ("
                    + check.problem() + "). Nothing was changed. Restore it only if you accept a log that cannot be"
                    + " trusted (restore --accept-unverified).");
            this.check = check;
        }

        public AuditLog.Verification check() {
            return check;
        }
    }

    /** A restored workspace, open, with where the database it replaced went and whether the restored audit log verified. */
    public record Restored(AppContext context, Path previous, AuditLog.Verification auditCheck) {}

    /**
     * Replaces the location's database with the backup and opens it. Refused, with nothing changed, while another
     * Byline has the database open, when the backup is damaged, foreign or from a newer Byline, or when this home
     * lacks the restored workspace's audit key. The restore is recorded in the restored database's audit log.
     */
    public static Restored restore(DatabaseLocation location, Path backup, PasswordHasher hasher) {
        return restore(location, backup, hasher, false, null);
    }

    /**
     * As {@link #restore(DatabaseLocation, Path, PasswordHasher)}. A backup whose audit log does not verify is refused
     * ({@link UnverifiedBackup}, nothing changed) unless {@code acceptUnverified}; the restore is recorded as done by
     * {@code by} (the signed-in user), or by the system when null.
     */
    public static Restored restore(DatabaseLocation location, Path backup, PasswordHasher hasher, boolean acceptUnverified,
                                   io.byline.domain.User by) {
        AuditLog.Verification[] check = new AuditLog.Verification[1];
        DatabaseRestore.Restored r = DatabaseRestore.restoreFrom(backup, location.database(), location.backups(), Migration.bundled(),
                (staged, previous) -> {
                    AppContext ctx = new AppContext(location, staged, false, hasher, Clock.systemUTC());
                    check[0] = ctx.auditService.verify();
                    if (!check[0].ok() && !acceptUnverified) throw new UnverifiedBackup(backup, check[0]);
                    ctx.backupService.recordRestore(backup, previous, check[0], by);
                });
        try {
            return new Restored(new AppContext(location, r.database(), false, hasher, Clock.systemUTC()), r.previous(), check[0]);
        } catch (RuntimeException e) {
            r.database().close();
            throw e;
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
