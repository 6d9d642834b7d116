package io.byline.service;

import io.byline.domain.AuditFilter;
import io.byline.domain.Role;
import io.byline.domain.User;
import io.byline.store.AuditLog;
import io.byline.store.EvidenceBundleWriter;
import io.byline.store.Transactor;
import io.byline.store.Tx;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Evidence bundles: for one entity (a post), one JSON file and a readable HTML rendering with what the services that
 * own it contribute (versions, diffs, findings, overrides with reasons, approvals with the hash approved, comments)
 * and every audit entry about it, with the state of the chain when the bundle was made.
 *
 * <p>The bundle is generic: services register a {@link SectionProvider} for the entity types they own. The post
 * workflow registers its provider when it is wired in {@code AppContext}.
 */
public final class EvidenceService {
    /** Contributes one section to bundles of the entity types it {@linkplain #appliesTo applies to}. */
    public interface SectionProvider {
        /** A stable key for the section in the JSON ({@code versions}). */
        String key();

        /** The section's heading in the HTML. */
        String title();

        boolean appliesTo(String entityType);

        /** The section's content: maps, lists, records, text — anything the JSON writer can write. Never confidential term text. */
        Object collect(Tx tx, String entityType, String entityId);

        /** Other entities whose audit entries belong in the bundle too (a post's versions, approvals, comments). */
        default List<EntityRef> related(Tx tx, String entityType, String entityId) {
            return List.of();
        }
    }

    /** An entity as the audit log names it. */
    public record EntityRef(String type, String id) {}

    private final Transactor db;
    private final AuditLog log;
    private final AuditService audit;
    private final WorkspaceService workspace;
    private final Session session;
    private final List<SectionProvider> providers = new CopyOnWriteArrayList<>();

    public EvidenceService(Transactor db, AuditLog log, AuditService audit, WorkspaceService workspace, Session session) {
        this.db = db;
        this.log = log;
        this.audit = audit;
        this.workspace = workspace;
        this.session = session;
    }

    /** Adds a section; a provider with the key of one registered earlier takes its place (its position is kept). */
    public synchronized void register(SectionProvider provider) {
        for (int i = 0; i < providers.size(); i++) {
            if (providers.get(i).key().equals(provider.key())) {
                providers.set(i, provider);
                return;
            }
        }
        providers.add(provider);
    }

    /**
     * Writes the bundle for the entity to {@code jsonFile} and its HTML rendering beside it. Legal, Approver and Admin
     * users (or a headless command) may; the export is recorded on the entity, in the same transaction, so the bundle
     * shows it was made.
     */
    /** The files of a bundle: the JSON and its HTML rendering. */
    public record Files(Path json, Path html) {}

    /** Writes the evidence bundle of a post (see {@link #writeBundle}). */
    public Files writePostBundle(long postId, Path jsonFile) {
        EvidenceBundleWriter.Written w = writeBundle("post", Long.toString(postId), jsonFile);
        return new Files(w.json(), w.html());
    }

    public EvidenceBundleWriter.Written writeBundle(String entityType, String entityId, Path jsonFile) {
        session.requireAnyUnlessHeadless(Role.LEGAL, Role.APPROVER, Role.ADMIN);
        String wsId = workspace.id();
        String wsName = workspace.name();
        return db.inWrite(tx -> {
            audit.record(tx, "evidence.export", entityType, entityId, Map.of("file", jsonFile.getFileName().toString()));
            List<EvidenceBundleWriter.Section> sections = new ArrayList<>();
            Set<EntityRef> refs = new LinkedHashSet<>();
            refs.add(new EntityRef(entityType, entityId));
            for (SectionProvider p : providers) {
                if (!p.appliesTo(entityType)) continue;
                sections.add(new EvidenceBundleWriter.Section(p.key(), p.title(), p.collect(tx, entityType, entityId)));
                refs.addAll(p.related(tx, entityType, entityId));
            }
            TreeMap<Long, AuditLog.Entry> entries = new TreeMap<>();
            for (EntityRef r : refs) {
                log.forEach(tx, AuditFilter.ALL.withEntity(r.type(), r.id()), e -> entries.put(e.event().seq(), e));
            }
            AuditLog.Verification v = log.verify(tx);
            EvidenceBundleWriter.Chain chain = new EvidenceBundleWriter.Chain(v.ok(), v.entries(), v.lastSeq(), v.lastMac(),
                    v.problem());
            String by = session.user().map(User::displayName).orElse("system");
            EvidenceBundleWriter.Bundle bundle = new EvidenceBundleWriter.Bundle(entityType, entityId, Instant.now(), by,
                    wsId, wsName, chain, sections, List.copyOf(entries.values()));
            return EvidenceBundleWriter.write(bundle, jsonFile);
        });
    }
}
