package io.byline.service;

import io.byline.domain.Account;
import io.byline.domain.ApprovalChain;
import io.byline.domain.Capacity;
import io.byline.domain.Executive;
import io.byline.domain.PasswordHash;
import io.byline.domain.Platform;
import io.byline.domain.PolicyEntry;
import io.byline.domain.Role;
import io.byline.domain.Severity;
import io.byline.store.ApprovalRepository;
import io.byline.store.ExecutiveRepository;
import io.byline.store.PolicyRepository;
import io.byline.store.SettingsRepository;
import io.byline.store.Transactor;
import io.byline.store.UserRepository;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo workspace a new default home starts with, so there is something to try: PT Nusa Demo, two
 * executives with accounts on several platforms, one user of each role and a small policy.
 */
public final class DemoWorkspace {
    /** The password of every demo user (listed in the README). */
    public static final String PASSWORD = "byline-demo";

    /** Demo sign-ins: username → roles. */
    public static final Map<String, Set<Role>> USERS;

    static {
        Map<String, Set<Role>> users = new LinkedHashMap<>();
        users.put("rina", EnumSet.of(Role.WRITER));
        users.put("budi", EnumSet.of(Role.REVIEWER));
        users.put("maya", EnumSet.of(Role.LEGAL));
        users.put("andi", EnumSet.of(Role.APPROVER));
        users.put("sari", EnumSet.of(Role.EXECUTIVE));
        users.put("admin", EnumSet.of(Role.ADMIN));
        USERS = java.util.Collections.unmodifiableMap(users);
    }

    private static final Map<String, String> NAMES = Map.of("rina", "Rina Kusuma", "budi", "Budi Santoso",
            "maya", "Maya Putri", "andi", "Andi Pratama", "sari", "Sari Wijaya", "admin", "Workspace Admin");

    /**
     * The demo users' hashes of {@link #PASSWORD} at {@link PasswordHasher#DEFAULT_ITERATIONS}, made once with
     * {@link PasswordHasher#hash}. The password is public, so precomputing loses nothing; it spares a new demo
     * workspace six 600,000-iteration derivations (seconds on a laptop, far more on a small VM) before the
     * sign-in window can show. Each user still has a salt of their own.
     */
    private static final Map<String, PasswordHash> PRECOMPUTED = Map.ofEntries(
            Map.entry("rina", new PasswordHash("bTlQ8fsfPdOoQFiegkS/houJNSrl95uepNOGImhNKQE=", "1KQrqsS/0zpukgST3ZCB4g==", 600000)),
            Map.entry("budi", new PasswordHash("YG8+FUZFk+FevE0npKmh2NFrgI4DZz+jowBQEsE/MCw=", "3muFK3QlrnZzGmkoIResBw==", 600000)),
            Map.entry("maya", new PasswordHash("8WlPxjydUl/rmtBG6hE68Vkn24pDrDzs+fOviExPdho=", "BY/OHUmKW/Om9BCSkrNdkQ==", 600000)),
            Map.entry("andi", new PasswordHash("pL7usCjDusW91NFhl8D+cGejzeScSMJfvHBBpoHickU=", "gM3QBX7l3qCUbc1C2RW9EQ==", 600000)),
            Map.entry("sari", new PasswordHash("lkkJ75J8hCrGNEsp+Dm0VA8nS1luVP364cFi9IGr80Y=", "RWUEn5dum/9XJ7Quk8Uirw==", 600000)),
            Map.entry("admin", new PasswordHash("ojsErNy2WvZ4UyDHyA0gjXiRyNpaj5gpP6mMZuewsuk=", "2qFSAhZmSP7Z5whLBm51lg==", 600000)));

    private DemoWorkspace() {}

    /** The demo users' password hashes for this hasher: precomputed at the default strength, else derived now. */
    static Map<String, PasswordHash> hashes(PasswordHasher hasher) {
        if (hasher.iterations() == PasswordHasher.DEFAULT_ITERATIONS) return PRECOMPUTED;
        Map<String, PasswordHash> out = new java.util.concurrent.ConcurrentHashMap<>();
        USERS.keySet().parallelStream().forEach(u -> out.put(u, hasher.hash(PASSWORD.toCharArray())));
        return out;
    }

    /** Seeds an empty database; does nothing when it already has users. */
    public static void seed(Transactor db, UserRepository users, ExecutiveRepository executives, PolicyRepository policy,
                            SettingsRepository settings, AuditService audit, PasswordHasher hasher) {
        if (db.inRead(users::count) > 0) return;
        Map<String, PasswordHash> hashes = hashes(hasher);
        db.inWrite(tx -> {
            if (users.count(tx) > 0) return null;
            settings.put(tx, WorkspaceService.NAME, "PT Nusa Demo");
            long sari = executives.insert(tx, new Executive(0, "Sari Wijaya", "Chief Executive Officer", "PT Nusa Demo",
                    "Warm and plain-spoken; short sentences, no jargon. Favour: customers, our teams in Surabaya and Makassar, "
                            + "sustainability. Avoid: competitors by name, politics, share price.", null, "Asia/Jakarta", false));
            long daniel = executives.insert(tx, new Executive(0, "Daniel Hartono", "Chief Financial Officer", "PT Nusa Demo",
                    "Precise and calm. Numbers only once they are public; never hint at results before the earnings call. "
                            + "Favour: discipline, long-term investment.", null, "Asia/Jakarta", false));
            List<Account> accounts = List.of(
                    new Account(0, sari, Platform.X, "sariwijaya", Capacity.OFFICIAL, "CEO, PT Nusa Demo.", "", false),
                    new Account(0, sari, Platform.LINKEDIN, "sari-wijaya", Capacity.OFFICIAL,
                            "Chief Executive Officer at PT Nusa Demo.", "", false),
                    new Account(0, sari, Platform.THREADS, "sari.wijaya", Capacity.PERSONAL,
                            "Runner, reader, mother of two. Views are my own.", "Views are my own.", false),
                    new Account(0, sari, Platform.BLUESKY, "sariwijaya.bsky.social", Capacity.PERSONAL,
                            "Thinking out loud about logistics and Indonesia.", "Views are my own.", false),
                    new Account(0, daniel, Platform.X, "danhartono", Capacity.OFFICIAL, "CFO, PT Nusa Demo.", "", false),
                    new Account(0, daniel, Platform.LINKEDIN, "daniel-hartono", Capacity.OFFICIAL,
                            "Chief Financial Officer at PT Nusa Demo.", "", false),
                    new Account(0, daniel, Platform.MASTODON, "danhartono@mastodon.social", Capacity.PERSONAL,
                            "Finance, books and coffee. Views are my own.", "Views are my own.", false));
            for (Account a : accounts) executives.insertAccount(tx, a);
            for (var e : USERS.entrySet()) {
                Long exec = e.getValue().contains(Role.EXECUTIVE) ? sari : null;
                users.insert(tx, e.getKey(), NAMES.get(e.getKey()), hashes.get(e.getKey()), e.getValue(), exec);
            }
            List<PolicyEntry> terms = List.of(
                    new PolicyEntry(0, "Project Komodo", null, "codename", Severity.BLOCK, null, "New logistics platform", false),
                    new PolicyEntry(0, "Nusa Pay", null, "unreleased-product", Severity.BLOCK,
                            Instant.parse("2027-03-01T01:00:00Z"), "Launch at the March event", false),
                    new PolicyEntry(0, "Merapi Capital", null, "m-and-a", Severity.BLOCK, null, "Acquisition talks", false),
                    new PolicyEntry(0, "Q4 revenue", null, "financial", Severity.WARN, null, "Before the earnings call", false),
                    new PolicyEntry(0, null, "\\bNSA-[0-9]{4}\\b", "part-number", Severity.WARN, null, "Internal part numbers", false));
            for (PolicyEntry t : terms) policy.insert(tx, t);
            policy.replaceAllowPhrases(tx, List.of("Komodo dragon", "Komodo National Park"));
            policy.replaceInternalDomains(tx, List.of("nusa.internal"));
            audit.record(tx, "workspace.seed-demo", "workspace", null, Map.of("users", USERS.size(), "executives", 2));
            return null;
        });
    }

    /**
     * Saves the default approval chains for every executive that has none yet (official: communications
     * director, legal, executive; personal: communications director, executive), so they can be edited.
     */
    public static void seedChains(Transactor db, ExecutiveRepository executives, ApprovalRepository approvals, Instant now) {
        db.inWrite(tx -> {
            for (Executive e : executives.all(tx, true)) {
                for (Capacity c : Capacity.values()) {
                    if (approvals.chain(tx, e.id(), c).isEmpty()) {
                        approvals.saveChain(tx, e.id(), c, ApprovalChain.defaultSteps(c), now);
                    }
                }
            }
            return null;
        });
    }
}
