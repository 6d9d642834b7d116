package io.byline;

import io.byline.service.AuditService;
import io.byline.service.AuthService;
import io.byline.service.BackupService;
import io.byline.service.DemoWorkspace;
import io.byline.service.DraftService;
import io.byline.service.NotificationService;
import io.byline.service.PolicyProvider;
import io.byline.service.PostServices;
import io.byline.service.PublishService;
import io.byline.service.ReviewService;
import io.byline.service.ExecutiveService;
import io.byline.service.PasswordHasher;
import io.byline.service.PreferencesService;
import io.byline.service.Session;
import io.byline.service.UserService;
import io.byline.service.WorkspaceService;
import io.byline.store.AuditKey;
import io.byline.store.AuditLog;
import io.byline.store.Database;
import io.byline.store.DatabaseLocation;
import io.byline.store.PreferencesFile;
import io.byline.store.SettingsRepository;
import io.byline.store.SqliteApprovalRepository;
import io.byline.store.SqliteNotificationRepository;
import io.byline.store.SqlitePostRepository;
import io.byline.store.SqliteExecutiveRepository;
import io.byline.store.SqlitePolicyRepository;
import io.byline.store.SqliteUserRepository;

import java.time.Clock;

/**
 * The composition root: the only place that creates stores and services. One context per open
 * database; the GUI and the headless commands both start here.
 */
public final class AppContext implements AutoCloseable {
    private final DatabaseLocation location;
    private final Database database;
    private final Session session = new Session();
    private final PasswordHasher hasher;
    private final SqliteUserRepository userRepository = new SqliteUserRepository();
    private final SqliteExecutiveRepository executiveRepository = new SqliteExecutiveRepository();
    private final SqlitePolicyRepository policyRepository = new SqlitePolicyRepository();
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
    private final Clock clock;
    private final PolicyProvider policyProvider;
    private final PostServices postServices;
    private final NotificationService notificationService;

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
        try {
            return new AppContext(location, db, seedDemoIfNew && db.wasCreated(), hasher, clock);
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
        String workspaceId = WorkspaceService.ensureId(database, settingsRepository);
        this.auditLog = new AuditLog(AuditKey.loadOrCreate(location.keys(), workspaceId));
        this.auditService = new AuditService(database, auditLog, session);
        this.authService = new AuthService(database, userRepository, auditService, session, hasher);
        this.userService = new UserService(database, userRepository, executiveRepository, auditService, session, hasher);
        this.executiveService = new ExecutiveService(database, executiveRepository, auditService, session);
        this.workspaceService = new WorkspaceService(database, settingsRepository);
        this.preferencesService = new PreferencesService(new PreferencesFile(location.home()));
        this.backupService = new BackupService(database, auditService);
        this.policyProvider = new PolicyProvider(policyRepository, PostServices::interimChecker);
        this.postServices = new PostServices(database, postRepository, approvalRepository, executiveRepository,
                notificationRepository, settingsRepository, policyProvider, auditService, session, clock);
        this.notificationService = new NotificationService(database, notificationRepository, session);
        if (seed) {
            DemoWorkspace.seed(database, userRepository, executiveRepository, policyRepository, settingsRepository,
                    auditService, hasher);
            DemoWorkspace.seedChains(database, executiveRepository, approvalRepository, clock.instant());
        }
    }

    public DatabaseLocation location() { return location; }
    public Database database() { return database; }
    public Session session() { return session; }
    public AuditService auditService() { return auditService; }
    public AuthService authService() { return authService; }
    public UserService userService() { return userService; }
    public ExecutiveService executiveService() { return executiveService; }
    public WorkspaceService workspaceService() { return workspaceService; }
    public PreferencesService preferencesService() { return preferencesService; }
    public BackupService backupService() { return backupService; }
    public Clock clock() { return clock; }
    public PolicyProvider policyProvider() { return policyProvider; }
    public DraftService draftService() { return postServices.drafts(); }
    public ReviewService reviewService() { return postServices.reviews(); }
    public PublishService publishService() { return postServices.publishing(); }
    public NotificationService notificationService() { return notificationService; }

    @Override
    public void close() {
        database.close();
    }
}
