package io.byline.service;

import io.byline.domain.PolicyEntry;
import io.byline.domain.ValidationException;
import io.byline.store.ExportFiles;
import io.byline.store.PolicyRepository;
import io.byline.store.SettingsRepository;
import io.byline.store.Transactor;
import io.byline.store.Tx;
import io.byline.store.json.PolicyCsv;
import io.byline.store.json.PolicyJson;
import io.byline.validation.CompiledPolicy;
import io.byline.validation.Policy;
import io.byline.validation.PolicyException;
import io.byline.validation.PolicyReason;
import io.byline.validation.PolicyTerm;
import io.byline.validation.TermMatcher;
import io.byline.validation.TermMerge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports and exports of the policy: a JSON policy or a CSV term list is previewed (what it would add, change and
 * remove, or why it cannot be imported, with lines), then applied all or nothing; the stored policy is exported in
 * the JSON format. Legal, Approver or Admin, or a headless command acting as the system.
 */
public final class PolicyTransferService {
    private static final int AUDIT_IDS = 200;

    /**
     * One problem of an imported file, with where it is (line and column 1-based; -1 when unknown). The message
     * says it all in English (the command line prints it); a screen puts the same parts together in its language.
     *
     * @param message      the problem in English, with its entry and location, e.g. {@code terms[3] "X": empty term (line 5)}
     * @param entry        index of the entry the problem is about (0-based, in {@code terms}), or -1
     * @param entryLabel   that entry's term or pattern as the message quotes it, or null
     * @param key          bundle key of the reason ({@code policy.error.*}), or null when it is known only in English
     * @param args         the arguments of {@code key}
     * @param storedPolicy the entry is one of the stored policy's, not the file's (so it has no line)
     */
    public record ImportError(int line, int column, String message, int entry, String entryLabel, String key, List<Object> args,
                              boolean storedPolicy) {
        public ImportError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        /** A problem known only in English. */
        public ImportError(int line, int column, String message) {
            this(line, column, message, -1, null, null, List.of(), false);
        }

        /** A problem of the whole file, without a line. */
        static ImportError of(PolicyReason reason) {
            return new ImportError(-1, -1, reason.english(), -1, null, reason.key(), reason.args(), false);
        }

        static ImportError of(PolicyException e) {
            return new ImportError(e.line(), e.column(), e.getMessage(), e.entryIndex(), e.shownLabel(), e.key(), e.args(), false);
        }
    }

    /**
     * Something the import does that the user should know about, though the file can be imported (terms equal after
     * normalisation merged into one).
     *
     * @param message the warning in English (the command line prints it)
     * @param key     its bundle key ({@code policy.warning.*})
     * @param args    the key's arguments
     */
    public record ImportWarning(String message, String key, List<Object> args) {
        public ImportWarning {
            args = List.copyOf(args);
        }

        static ImportWarning of(PolicyReason why) {
            return new ImportWarning(why.english(), why.key(), why.args());
        }
    }

    /** An entry whose stored form differs from the file's. */
    public record EntryChange(PolicyEntry before, PolicyEntry after) {}

    /**
     * What applying an import would do. {@link #apply} works only while the stored policy is still at
     * {@code baseVersion} (otherwise preview again).
     */
    public record ImportPreview(String fileName, String format, boolean replace, List<PolicyEntry> added,
                                List<EntryChange> changed, List<PolicyEntry> removed, int unchanged,
                                List<String> allowAdded, List<String> allowRemoved, List<String> domainsAdded,
                                List<String> domainsRemoved, List<ImportError> errors, long baseVersion,
                                List<ImportWarning> warnings) {
        public ImportPreview {
            warnings = List.copyOf(warnings);
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
            allowAdded = List.copyOf(allowAdded);
            allowRemoved = List.copyOf(allowRemoved);
            domainsAdded = List.copyOf(domainsAdded);
            domainsRemoved = List.copyOf(domainsRemoved);
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        public boolean hasChanges() {
            return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty() || !allowAdded.isEmpty()
                    || !allowRemoved.isEmpty() || !domainsAdded.isEmpty() || !domainsRemoved.isEmpty();
        }

        /** The preview of a file that cannot be imported. */
        static ImportPreview rejected(String fileName, String format, boolean replace, List<ImportError> errors, long version) {
            return new ImportPreview(fileName, format, replace, List.of(), List.of(), List.of(), 0, List.of(), List.of(),
                    List.of(), List.of(), errors, version, List.of());
        }
    }

    /** What an applied import did. */
    public record ImportResult(int added, int changed, int removed, long version) {}

    private final Transactor db;
    private final PolicyRepository policy;
    private final SettingsRepository settings;
    private final PolicyProvider provider;
    private final AuditService audit;
    private final Session session;

    public PolicyTransferService(Transactor db, PolicyRepository policy, SettingsRepository settings, PolicyProvider provider,
                                 AuditService audit, Session session) {
        this.db = db;
        this.policy = policy;
        this.settings = settings;
        this.provider = provider;
        this.audit = audit;
        this.session = session;
    }

    public ImportPreview previewFile(Path file, boolean replace) {
        PolicyRules.requireManager(session);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        boolean csv = name.toLowerCase(Locale.ROOT).endsWith(".csv");
        String format = csv ? "csv" : "json";
        String text;
        try {
            long size = Files.size(file);
            if (size > PolicyJson.MAX_BYTES) {
                PolicyReason tooLarge = PolicyReason.of("policy.error.importTooLarge",
                        "file too large (" + size + " bytes; limit " + PolicyJson.MAX_BYTES + ")", size, PolicyJson.MAX_BYTES);
                return ImportPreview.rejected(name, format, replace, List.of(ImportError.of(tooLarge)), PolicyRules.version(db, settings));
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) PolicyJson.MAX_BYTES + 1);
            }
            text = PolicyCsv.decode(bytes);
        } catch (NoSuchFileException e) {
            return ImportPreview.rejected(name, format, replace, List.of(ImportError.of(PolicyReason.of("policy.error.fileNotFound",
                    "file not found: " + file, file.toString()))), PolicyRules.version(db, settings));
        } catch (IOException e) {
            return ImportPreview.rejected(name, format, replace, List.of(ImportError.of(PolicyReason.of("policy.error.cannotRead",
                    "cannot read the file: " + e.getMessage(), String.valueOf(e.getMessage())))), PolicyRules.version(db, settings));
        } catch (PolicyException e) {
            return ImportPreview.rejected(name, format, replace, List.of(error(e)), PolicyRules.version(db, settings));
        }
        return csv ? previewCsv(name, text, replace) : previewJson(name, text, replace);
    }

    /** Previews a policy in the JSON format of VALIDATION.md. */
    public ImportPreview previewJson(String fileName, String json, boolean replace) {
        PolicyRules.requireManager(session);
        Policy parsed;
        List<TermMerge.Merge> merges;
        List<Integer> lines = new ArrayList<>();
        try {
            PolicyJson.Read read = PolicyJson.parseMerging(json);
            parsed = read.compiled().policy();
            merges = read.merges();
        } catch (PolicyException e) {
            return ImportPreview.rejected(fileName, "json", replace, List.of(error(e)), PolicyRules.version(db, settings));
        } catch (RuntimeException | StackOverflowError e) {
            String what = e.getClass().getSimpleName();
            return ImportPreview.rejected(fileName, "json", replace, List.of(ImportError.of(PolicyReason.of("policy.error.cannotParse",
                    "cannot read the policy: " + what, what))), PolicyRules.version(db, settings));
        }
        for (int i = 0; i < parsed.terms().size(); i++) lines.add(-1);
        return preview(fileName, "json", parsed, lines, replace, true, merges);
    }

    /** Previews a CSV term list (header: term or pattern, category, severity, embargoUntil, note). */
    public ImportPreview previewCsv(String fileName, String csv, boolean replace) {
        PolicyRules.requireManager(session);
        PolicyCsv.Result r = PolicyCsv.parse(csv);
        if (!r.ok()) {
            return ImportPreview.rejected(fileName, "csv", replace, r.errors().stream().map(PolicyTransferService::error).toList(), PolicyRules.version(db, settings));
        }
        TermMerge.Result merged = TermMerge.merge(r.terms(), i -> r.lines().get(i));
        List<Integer> lines = merged.sources().stream().map(r.lines()::get).toList();
        return preview(fileName, "csv", new Policy("", merged.terms(), List.of(), List.of()), lines, replace, false,
                merged.merges());
    }

    private static ImportError error(PolicyException e) {
        return ImportError.of(e);
    }

    private record Plan(List<PolicyEntry> added, List<EntryChange> changed, List<PolicyEntry> removed, int unchanged,
                        List<String> allow, List<String> domains, List<PolicyEntry> result, List<Integer> resultLines) {}

    private ImportPreview preview(String fileName, String format, Policy imported, List<Integer> lines, boolean replace,
                                  boolean withLists, List<TermMerge.Merge> merges) {
        List<ImportWarning> warnings = merges.stream().map(m -> ImportWarning.of(m.warning())).toList();
        return db.inRead(tx -> {
            long version = PolicyRules.version(settings, tx);
            List<PolicyEntry> stored = policy.entries(tx, false);
            List<String> storedAllow = policy.allowPhrases(tx);
            List<String> storedDomains = policy.internalDomains(tx);
            Plan plan = plan(stored, storedAllow, storedDomains, imported, lines, replace, withLists);
            try {
                CompiledPolicy.compile(PolicyRules.toPolicy("", plan.result(), plan.allow(), plan.domains()));
            } catch (PolicyException e) {
                int line = e.entryIndex() >= 0 && e.entryIndex() < plan.resultLines().size() ? plan.resultLines().get(e.entryIndex()) : -1;
                boolean inStored = line < 0 && e.entryIndex() >= 0;
                String message = line > 0 ? e.at(line, -1).getMessage() : e.getMessage() + (inStored ? " (with the stored policy)" : "");
                return ImportPreview.rejected(fileName, format, replace, List.of(new ImportError(line, -1, message, e.entryIndex(),
                        e.shownLabel(), e.key(), e.args(), inStored)), version);
            }
            return new ImportPreview(fileName, format, replace, plan.added(), plan.changed(), plan.removed(), plan.unchanged(),
                    PolicyRules.minus(plan.allow(), storedAllow), PolicyRules.minus(storedAllow, plan.allow()), PolicyRules.minus(plan.domains(), storedDomains),
                    PolicyRules.minus(storedDomains, plan.domains()), List.of(), version, warnings);
        });
    }

    private Plan plan(List<PolicyEntry> stored, List<String> storedAllow, List<String> storedDomains, Policy imported,
                      List<Integer> lines, boolean replace, boolean withLists) {
        Map<Long, PolicyEntry> byId = new HashMap<>();
        Map<String, PolicyEntry> byKey = new HashMap<>();
        for (PolicyEntry e : stored) {
            byId.put(e.id(), e);
            byKey.putIfAbsent(key(e.term(), e.pattern()), e);
        }
        List<PolicyEntry> added = new ArrayList<>();
        List<EntryChange> changed = new ArrayList<>();
        Set<Long> matched = new HashSet<>();
        Map<Long, PolicyEntry> replacements = new HashMap<>();
        Map<Long, Integer> replacementLines = new HashMap<>();
        List<Integer> addedLines = new ArrayList<>();
        int unchanged = 0;
        for (int i = 0; i < imported.terms().size(); i++) {
            PolicyTerm t = imported.terms().get(i);
            PolicyEntry match = null;
            if (t.id() != null && t.id().matches("[0-9]{1,18}")) match = byId.get(Long.parseLong(t.id()));
            if (match == null) match = byKey.get(key(t.term(), t.pattern()));
            if (match != null && matched.contains(match.id())) match = null; // a second entry for it: add (compile finds duplicates)
            PolicyEntry incoming = new PolicyEntry(match == null ? 0 : match.id(), t.term(), t.pattern(),
                    t.category().strip().toLowerCase(Locale.ROOT), t.severity(), t.embargoUntil(), t.note(), false);
            if (match == null) {
                added.add(incoming);
                addedLines.add(lines.get(i));
            } else {
                matched.add(match.id());
                if (same(match, incoming)) {
                    unchanged++;
                } else {
                    changed.add(new EntryChange(match, incoming));
                    replacements.put(match.id(), incoming);
                }
                replacementLines.put(match.id(), lines.get(i));
            }
        }
        List<PolicyEntry> removed = new ArrayList<>();
        List<PolicyEntry> result = new ArrayList<>();
        List<Integer> resultLines = new ArrayList<>();
        for (PolicyEntry e : stored) {
            if (replace && !matched.contains(e.id())) {
                removed.add(e);
                continue;
            }
            result.add(replacements.getOrDefault(e.id(), e));
            resultLines.add(replacementLines.getOrDefault(e.id(), -1));
        }
        result.addAll(added);
        resultLines.addAll(addedLines);
        List<String> allow;
        List<String> domains;
        if (!withLists) {
            allow = storedAllow;
            domains = storedDomains;
        } else if (replace) {
            allow = distinct(imported.allow());
            domains = distinct(imported.internalDomains());
        } else {
            allow = distinct(concat(storedAllow, imported.allow()));
            domains = distinct(concat(storedDomains, imported.internalDomains()));
        }
        return new Plan(added, changed, removed, unchanged, allow, domains, result, resultLines);
    }

    private static boolean same(PolicyEntry a, PolicyEntry b) {
        return Objects.equals(a.term(), b.term()) && Objects.equals(a.pattern(), b.pattern()) && a.category().equals(b.category())
                && a.severity() == b.severity() && Objects.equals(a.embargoUntil(), b.embargoUntil()) && a.note().equals(b.note());
    }

    /** What makes two entries the same: the pattern as written, or the term's key in the matcher. */
    private static String key(String term, String pattern) {
        if (pattern != null) return "p:" + pattern;
        String k = TermMatcher.key(term);
        return k.isEmpty() ? "t:" + term : "k:" + k;
    }

    /**
     * Applies a previewed import, all or nothing, in one transaction with its audit record; refused when the file
     * had errors or the policy changed since the preview.
     */
    public ImportResult apply(ImportPreview preview) {
        PolicyRules.requireManager(session);
        if (!preview.ok()) throw new ValidationException("import", "policy.import.error.rejected");
        ImportResult result = db.inWrite(tx -> {
            if (PolicyRules.version(settings, tx) != preview.baseVersion()) throw new ValidationException("import", "policy.import.error.stale");
            List<Long> addedIds = new ArrayList<>();
            for (PolicyEntry e : preview.added()) addedIds.add(policy.insert(tx, e));
            for (EntryChange c : preview.changed()) policy.update(tx, c.after());
            for (PolicyEntry e : preview.removed()) policy.setRetired(tx, e.id(), true);
            boolean lists = !preview.allowAdded().isEmpty() || !preview.allowRemoved().isEmpty()
                    || !preview.domainsAdded().isEmpty() || !preview.domainsRemoved().isEmpty();
            if (lists) {
                List<String> allow = new ArrayList<>(policy.allowPhrases(tx));
                allow.removeAll(preview.allowRemoved());
                allow.addAll(preview.allowAdded());
                List<String> domains = new ArrayList<>(policy.internalDomains(tx));
                domains.removeAll(preview.domainsRemoved());
                domains.addAll(preview.domainsAdded());
                policy.replaceAllowPhrases(tx, distinct(allow));
                policy.replaceInternalDomains(tx, distinct(domains));
            }
            long v = preview.hasChanges() ? PolicyRules.bump(settings, tx) : PolicyRules.version(settings, tx);
            audit.record(tx, "policy.import", "policy", null, PolicyRules.details("format", preview.format(), "replace", preview.replace(),
                    "added", addedIds.size(), "changed", preview.changed().size(), "removed", preview.removed().size(),
                    "addedIds", cap(addedIds), "changedIds", cap(preview.changed().stream().map(c -> c.before().id()).toList()),
                    "removedIds", cap(preview.removed().stream().map(PolicyEntry::id).toList()),
                    "allowAdded", preview.allowAdded().size(), "allowRemoved", preview.allowRemoved().size(),
                    "domainsAdded", preview.domainsAdded().size(), "domainsRemoved", preview.domainsRemoved().size(),
                    "version", v));
            return new ImportResult(addedIds.size(), preview.changed().size(), preview.removed().size(), v);
        });
        provider.invalidate();
        return result;
    }

    /** The stored policy in the JSON import format (active entries; ids are the stored ids). */
    public String exportJson() {
        PolicyRules.requireManager(session);
        return db.inRead(tx -> PolicyJson.toJson(PolicyRules.toPolicy(workspaceName(tx), policy.entries(tx, false), policy.allowPhrases(tx),
                policy.internalDomains(tx)).withFacts(provider.facts(tx))));
    }

    /** Writes the policy to a file (temporary name, then moved into place); recorded. Returns the number of entries. */
    public int exportTo(Path file) {
        PolicyRules.requireManager(session);
        return db.inWrite(tx -> {
            List<PolicyEntry> entries = policy.entries(tx, false);
            String json = PolicyJson.toJson(PolicyRules.toPolicy(workspaceName(tx), entries, policy.allowPhrases(tx), policy.internalDomains(tx))
                    .withFacts(provider.facts(tx)));
            audit.record(tx, "policy.export", "policy", null, PolicyRules.details("entries", entries.size(), "version", PolicyRules.version(settings, tx),
                    "file", file.getFileName() == null ? "" : file.getFileName().toString()));
            ExportFiles.writeText(file, json);
            return entries.size();
        });
    }

    private String workspaceName(Tx tx) {
        return settings.get(tx, WorkspaceService.NAME).map(n -> n + " confidential terms").orElse("Byline policy");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> distinct(List<String> items) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String s : new LinkedHashSet<>(items)) if (seen.add(s.toLowerCase(Locale.ROOT))) out.add(s);
        return out;
    }

    private static List<Long> cap(List<Long> ids) {
        return ids.size() <= AUDIT_IDS ? ids : ids.subList(0, AUDIT_IDS);
    }
}
