package io.byline.store;

import io.byline.domain.Comment;
import io.byline.domain.DecisionKind;
import io.byline.domain.FindingDecision;
import io.byline.domain.Platform;
import io.byline.domain.Post;
import io.byline.domain.PostFinding;
import io.byline.domain.PostMedia;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;
import io.byline.domain.Severity;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

public final class SqlitePostRepository implements PostRepository {
    private static final String POST = "SELECT id, executive_id, state, publish_at, created_by, current_version_id, working_text,"
            + " working_variants, working_at, submit_reason, live_url, created_at, updated_at, published_at FROM post";
    private static final String VERSION = "SELECT v.id, v.post_id, v.number, v.text, v.variants, v.accounts, v.media, v.hash,"
            + " v.author_id, u.display_name AS author_name, v.created_at, v.note FROM post_version v JOIN app_user u ON u.id = v.author_id";
    private static final String DECISION = "SELECT d.id, d.post_id, d.fingerprint, d.rule, d.term_id, d.severity, d.kind, d.reason,"
            + " d.user_id, u.display_name AS user_name, d.version_id, d.at FROM finding_decision d JOIN app_user u ON u.id = d.user_id";

    @Override
    public long insertPost(Tx tx, long executiveId, Instant publishAt, long createdBy, Instant now) {
        return Jdbc.insert(tx, "INSERT INTO post (executive_id, state, publish_at, created_by, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", executiveId, PostState.DRAFT, publishAt, createdBy, now, now);
    }

    @Override
    public Optional<Post> post(Tx tx, long id) {
        return Jdbc.one(tx, POST + " WHERE id = ?", SqlitePostRepository::post, id);
    }

    @Override
    public List<Post> posts(Tx tx, Set<PostState> states) {
        if (states.isEmpty()) return Jdbc.list(tx, POST + " ORDER BY publish_at, id", SqlitePostRepository::post);
        return Jdbc.list(tx, POST + " WHERE state IN (" + Jdbc.placeholders(states.size()) + ") ORDER BY publish_at, id", SqlitePostRepository::post,
                states.toArray());
    }

    @Override
    public void setState(Tx tx, long postId, PostState state, Instant now) {
        Jdbc.update(tx, "UPDATE post SET state = ?, updated_at = ? WHERE id = ?", state, now, postId);
    }

    @Override
    public void setCurrentVersion(Tx tx, long postId, long versionId, Instant now) {
        Jdbc.update(tx, "UPDATE post SET current_version_id = ?, working_text = NULL, working_variants = '{}', working_by = NULL,"
                + " working_at = NULL, updated_at = ? WHERE id = ?", versionId, now, postId);
    }

    @Override
    public void setWorking(Tx tx, long postId, String text, Map<Platform, String> variants, long userId, Instant now) {
        Jdbc.update(tx, "UPDATE post SET working_text = ?, working_variants = ?, working_by = ?, working_at = ? WHERE id = ?",
                text, variantsJson(variants), userId, now, postId);
        addEditor(tx, postId, userId);
    }

    @Override
    public void setPublishAt(Tx tx, long postId, Instant publishAt, Instant now) {
        Jdbc.update(tx, "UPDATE post SET publish_at = ?, updated_at = ? WHERE id = ?", publishAt, now, postId);
    }

    @Override
    public void setSubmitReason(Tx tx, long postId, String reason, Instant now) {
        Jdbc.update(tx, "UPDATE post SET submit_reason = ?, updated_at = ? WHERE id = ?", reason, now, postId);
    }

    @Override
    public void setPublished(Tx tx, long postId, String liveUrl, Instant at) {
        Jdbc.update(tx, "UPDATE post SET state = ?, live_url = ?, published_at = ?, updated_at = ? WHERE id = ?",
                PostState.PUBLISHED, liveUrl, at, at, postId);
    }

    @Override
    public void setLiveUrl(Tx tx, long postId, String liveUrl, Instant now) {
        Jdbc.update(tx, "UPDATE post SET live_url = ?, updated_at = ? WHERE id = ?", liveUrl, now, postId);
    }

    @Override
    public List<Long> targets(Tx tx, long postId) {
        return Jdbc.list(tx, "SELECT account_id FROM post_target WHERE post_id = ? ORDER BY account_id", rs -> rs.getLong(1), postId);
    }

    @Override
    public void replaceTargets(Tx tx, long postId, Collection<Long> accountIds) {
        Jdbc.update(tx, "DELETE FROM post_target WHERE post_id = ?", postId);
        for (Long a : new LinkedHashSet<>(accountIds)) {
            Jdbc.update(tx, "INSERT INTO post_target (post_id, account_id) VALUES (?, ?)", postId, a);
        }
    }

    @Override
    public long insertVersion(Tx tx, PostVersion v) {
        JsonArray accounts = new JsonArray();
        v.accountIds().forEach(accounts::add);
        JsonArray media = new JsonArray();
        for (PostVersion.MediaRef m : v.media()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", m.mediaId());
            o.addProperty("sha256", m.sha256());
            o.addProperty("alt", m.altText());
            media.add(o);
        }
        return Jdbc.insert(tx, "INSERT INTO post_version (post_id, number, text, variants, accounts, media, hash, author_id,"
                        + " created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v.postId(), v.number(), v.text(),
                variantsJson(v.variants()), Json.gson().toJson(accounts), Json.gson().toJson(media), v.hash(), v.authorId(),
                v.createdAt(), v.note());
    }

    @Override
    public Optional<PostVersion> version(Tx tx, long versionId) {
        return Jdbc.one(tx, VERSION + " WHERE v.id = ?", SqlitePostRepository::version, versionId);
    }

    @Override
    public List<PostVersion> versions(Tx tx, long postId) {
        return Jdbc.list(tx, VERSION + " WHERE v.post_id = ? ORDER BY v.number", SqlitePostRepository::version, postId);
    }

    @Override
    public void addEditor(Tx tx, long postId, long userId) {
        Jdbc.update(tx, "INSERT OR IGNORE INTO post_editor (post_id, user_id) VALUES (?, ?)", postId, userId);
    }

    @Override
    public Set<Long> editors(Tx tx, long postId) {
        return new LinkedHashSet<>(Jdbc.list(tx, "SELECT user_id FROM post_editor WHERE post_id = ? ORDER BY user_id",
                rs -> rs.getLong(1), postId));
    }

    @Override
    public long insertMedia(Tx tx, long postId, String fileName, String mimeType, byte[] bytes, String sha256, String altText,
                            Instant now) {
        return Jdbc.insert(tx, "INSERT INTO post_media (post_id, file_name, mime_type, size, sha256, alt_text, bytes, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", postId, fileName, mimeType, bytes.length, sha256, altText, bytes, now);
    }

    @Override
    public Optional<PostMedia> media(Tx tx, long mediaId, boolean withBytes) {
        return Jdbc.one(tx, mediaSelect(withBytes) + " WHERE id = ? AND removed = 0", rs -> media(rs, withBytes), mediaId);
    }

    @Override
    public List<PostMedia> mediaOf(Tx tx, long postId, boolean withBytes) {
        return Jdbc.list(tx, mediaSelect(withBytes) + " WHERE post_id = ? AND removed = 0 ORDER BY id",
                rs -> media(rs, withBytes), postId);
    }

    @Override
    public void setAltText(Tx tx, long mediaId, String altText) {
        Jdbc.update(tx, "UPDATE post_media SET alt_text = ? WHERE id = ?", altText, mediaId);
    }

    @Override
    public void removeMedia(Tx tx, long mediaId) {
        Jdbc.update(tx, "UPDATE post_media SET removed = 1 WHERE id = ?", mediaId);
    }

    @Override
    public long insertComment(Tx tx, long postId, long userId, String text, Instant now) {
        return Jdbc.insert(tx, "INSERT INTO post_comment (post_id, user_id, text, created_at) VALUES (?, ?, ?, ?)",
                postId, userId, text, now);
    }

    @Override
    public List<Comment> comments(Tx tx, long postId) {
        return Jdbc.list(tx, "SELECT c.id, c.post_id, c.user_id, u.display_name, c.text, c.created_at FROM post_comment c"
                + " JOIN app_user u ON u.id = c.user_id WHERE c.post_id = ? ORDER BY c.id", rs -> new Comment(rs.getLong(1),
                rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), Jdbc.instant(rs, "created_at")), postId);
    }

    @Override
    public void replaceFindings(Tx tx, long postId, List<PostFinding> findings) {
        Jdbc.update(tx, "DELETE FROM post_finding WHERE post_id = ?", postId);
        for (PostFinding f : findings) {
            Jdbc.update(tx, "INSERT INTO post_finding (post_id, platform, rule, severity, start_offset, end_offset, category,"
                            + " term_id, message_key, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", postId,
                    f.platform() == null ? null : f.platform().id(), f.rule(), f.severity(), f.start(), f.end(), f.category(),
                    f.termId(), f.messageKey(), f.fingerprint());
        }
    }

    /** Ids per IN (…) list: well under SQLite's limit on bound parameters. */
    private static final int CHUNK = 500;

    /** Runs {@code read} over the ids in chunks of {@link #CHUNK} and collects the rows. */
    private static <T> List<T> chunked(Collection<Long> ids, java.util.function.Function<List<Long>, List<T>> read) {
        List<Long> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        List<T> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) out.addAll(read.apply(all.subList(i, Math.min(all.size(), i + CHUNK))));
        return out;
    }

    @Override
    public Map<Long, List<Long>> targets(Tx tx, Collection<Long> postIds) {
        Map<Long, List<Long>> out = new java.util.HashMap<>();
        for (long[] pair : chunked(postIds, ids -> Jdbc.list(tx, "SELECT post_id, account_id FROM post_target WHERE post_id IN ("
                + Jdbc.placeholders(ids.size()) + ") ORDER BY post_id, account_id", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, ids.toArray()))) {
            out.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
        }
        return out;
    }

    @Override
    public Map<Long, Set<Long>> editors(Tx tx, Collection<Long> postIds) {
        Map<Long, Set<Long>> out = new java.util.HashMap<>();
        for (long[] pair : chunked(postIds, ids -> Jdbc.list(tx, "SELECT post_id, user_id FROM post_editor WHERE post_id IN ("
                + Jdbc.placeholders(ids.size()) + ") ORDER BY post_id, user_id", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, ids.toArray()))) {
            out.computeIfAbsent(pair[0], k -> new LinkedHashSet<>()).add(pair[1]);
        }
        return out;
    }

    @Override
    public Map<Long, List<FindingDecision>> decisions(Tx tx, Collection<Long> postIds) {
        Map<Long, List<FindingDecision>> out = new java.util.HashMap<>();
        for (FindingDecision d : chunked(postIds, ids -> Jdbc.list(tx, DECISION + " WHERE d.post_id IN (" + Jdbc.placeholders(ids.size())
                + ") ORDER BY d.id", SqlitePostRepository::decision, ids.toArray()))) {
            out.computeIfAbsent(d.postId(), k -> new ArrayList<>()).add(d);
        }
        return out;
    }

    @Override
    public Map<Long, PostVersion> versions(Tx tx, Collection<Long> versionIds) {
        Map<Long, PostVersion> out = new java.util.HashMap<>();
        for (PostVersion v : chunked(versionIds, ids -> Jdbc.list(tx, VERSION + " WHERE v.id IN (" + Jdbc.placeholders(ids.size()) + ")",
                SqlitePostRepository::version, ids.toArray()))) {
            out.put(v.id(), v);
        }
        return out;
    }

    @Override
    public List<PostFinding> findings(Tx tx, Collection<Long> postIds) {
        String sql = "SELECT post_id, platform, rule, severity, start_offset, end_offset, category, term_id, message_key,"
                + " fingerprint FROM post_finding";
        Jdbc.Row<PostFinding> row = rs -> new PostFinding(rs.getLong(1),
                rs.getString(2) == null ? null : Platform.fromId(rs.getString(2)).orElseThrow(), rs.getString(3),
                Severity.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), null);
        if (postIds == null) return Jdbc.list(tx, sql + " ORDER BY post_id, id", row);
        if (postIds.isEmpty()) return List.of();
        List<Long> sorted = new ArrayList<>(new java.util.TreeSet<>(postIds));
        return chunked(sorted, ids -> Jdbc.list(tx, sql + " WHERE post_id IN (" + Jdbc.placeholders(ids.size()) + ") ORDER BY post_id, id",
                row, ids.toArray()));
    }

    @Override
    public long insertDecision(Tx tx, FindingDecision d) {
        return Jdbc.insert(tx, "INSERT INTO finding_decision (post_id, fingerprint, rule, term_id, severity, kind, reason,"
                        + " user_id, version_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", d.postId(), d.fingerprint(), d.rule(),
                d.termId(), d.severity(), d.kind(), d.reason(), d.userId(), d.versionId(), d.at());
    }

    @Override
    public List<FindingDecision> decisions(Tx tx, long postId) {
        return Jdbc.list(tx, DECISION + " WHERE d.post_id = ? ORDER BY d.id", SqlitePostRepository::decision, postId);
    }

    private static FindingDecision decision(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FindingDecision(rs.getLong("id"),
                rs.getLong("post_id"), rs.getString("fingerprint"), rs.getString("rule"), rs.getString("term_id"),
                Severity.valueOf(rs.getString("severity")), DecisionKind.valueOf(rs.getString("kind")), rs.getString("reason"),
                rs.getLong("user_id"), rs.getString("user_name"), rs.getLong("version_id"), Jdbc.instant(rs, "at"));
    }

    @Override
    public void markSeen(Tx tx, long postId, long userId, long versionId, Instant now) {
        if (Jdbc.update(tx, "UPDATE review_seen SET version_id = ?, seen_at = ? WHERE post_id = ? AND user_id = ?",
                versionId, now, postId, userId) == 0) {
            Jdbc.update(tx, "INSERT INTO review_seen (post_id, user_id, version_id, seen_at) VALUES (?, ?, ?, ?)",
                    postId, userId, versionId, now);
        }
    }

    @Override
    public Optional<Long> lastSeenVersion(Tx tx, long postId, long userId) {
        return Jdbc.one(tx, "SELECT version_id FROM review_seen WHERE post_id = ? AND user_id = ?", rs -> rs.getLong(1),
                postId, userId);
    }

    @Override
    public Optional<Instant> lastSeenAt(Tx tx, long postId, long userId) {
        return Jdbc.one(tx, "SELECT seen_at FROM review_seen WHERE post_id = ? AND user_id = ?",
                rs -> Jdbc.instant(rs, "seen_at"), postId, userId);
    }

    @Override
    public void insertMove(Tx tx, io.byline.domain.PostMove m) {
        Jdbc.insert(tx, "INSERT INTO post_move (post_id, from_at, to_at, user_id, user_name, at, approvals_voided)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", m.postId(), m.from(), m.to(), m.userId(), m.userName(), m.at(),
                m.approvalsVoided());
    }

    @Override
    public List<io.byline.domain.PostMove> moves(Tx tx, long postId) {
        return Jdbc.list(tx, "SELECT id, post_id, from_at, to_at, user_id, user_name, at, approvals_voided FROM post_move"
                + " WHERE post_id = ? ORDER BY at, id", rs -> new io.byline.domain.PostMove(rs.getLong("id"),
                rs.getLong("post_id"), Jdbc.instant(rs, "from_at"), Jdbc.instant(rs, "to_at"), rs.getLong("user_id"),
                rs.getString("user_name"), Jdbc.instant(rs, "at"), rs.getInt("approvals_voided")), postId);
    }

    private static String mediaSelect(boolean withBytes) {
        return "SELECT id, post_id, file_name, mime_type, size, sha256, alt_text, created_at" + (withBytes ? ", bytes" : "")
                + " FROM post_media";
    }

    private static PostMedia media(ResultSet rs, boolean withBytes) throws SQLException {
        return new PostMedia(rs.getLong("id"), rs.getLong("post_id"), rs.getString("file_name"), rs.getString("mime_type"),
                rs.getLong("size"), rs.getString("sha256"), rs.getString("alt_text"), withBytes ? rs.getBytes("bytes") : null,
                Jdbc.instant(rs, "created_at"));
    }

    private static Post post(ResultSet rs) throws SQLException {
        return new Post(rs.getLong("id"), rs.getLong("executive_id"), PostState.valueOf(rs.getString("state")),
                Jdbc.instant(rs, "publish_at"), rs.getLong("created_by"), Jdbc.nullableLong(rs, "current_version_id"),
                rs.getString("working_text"), variants(rs.getString("working_variants")), Jdbc.instant(rs, "working_at"),
                rs.getString("submit_reason"), rs.getString("live_url"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "published_at"));
    }

    private static PostVersion version(ResultSet rs) throws SQLException {
        List<Long> accounts = new ArrayList<>();
        for (JsonElement e : Json.parse(rs.getString("accounts")).getAsJsonArray()) accounts.add(e.getAsLong());
        List<PostVersion.MediaRef> media = new ArrayList<>();
        for (JsonElement e : Json.parse(rs.getString("media")).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            media.add(new PostVersion.MediaRef(o.get("id").getAsLong(), o.get("sha256").getAsString(), o.get("alt").getAsString()));
        }
        return new PostVersion(rs.getLong("id"), rs.getLong("post_id"), rs.getInt("number"), rs.getString("text"),
                variants(rs.getString("variants")), accounts, media, rs.getString("hash"), rs.getLong("author_id"),
                rs.getString("author_name"), Jdbc.instant(rs, "created_at"), rs.getString("note"));
    }

    static String variantsJson(Map<Platform, String> variants) {
        Map<String, String> m = new TreeMap<>();
        if (variants != null) variants.forEach((p, t) -> m.put(p.id(), t));
        return Json.gson().toJson(m);
    }

    static Map<Platform, String> variants(String json) {
        Map<Platform, String> out = new EnumMap<>(Platform.class);
        if (json == null || json.isBlank()) return out;
        for (Map.Entry<String, JsonElement> e : Json.parse(json).getAsJsonObject().entrySet()) {
            Platform.fromId(e.getKey()).ifPresent(p -> out.put(p, e.getValue().getAsString()));
        }
        return out;
    }
}
