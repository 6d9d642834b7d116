package io.byline.store;

import io.byline.domain.Comment;
import io.byline.domain.FindingDecision;
import io.byline.domain.Platform;
import io.byline.domain.Post;
import io.byline.domain.PostFinding;
import io.byline.domain.PostMedia;
import io.byline.domain.PostState;
import io.byline.domain.PostVersion;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Posts and everything that hangs off one: targets, versions, editors, media, comments, findings, decisions. */
public interface PostRepository {
    long insertPost(Tx tx, long executiveId, Instant publishAt, long createdBy, Instant now);

    Optional<Post> post(Tx tx, long id);

    /** Posts in any of the states (all posts when {@code states} is empty), newest publish time last. */
    List<Post> posts(Tx tx, Set<PostState> states);

    void setState(Tx tx, long postId, PostState state, Instant now);

    /** Makes a version current and drops the autosaved text it supersedes. */
    void setCurrentVersion(Tx tx, long postId, long versionId, Instant now);

    /** Stores the working text cheaply (no version); the user becomes one of the post's editors. */
    void setWorking(Tx tx, long postId, String text, Map<Platform, String> variants, long userId, Instant now);

    void setPublishAt(Tx tx, long postId, Instant publishAt, Instant now);

    void setSubmitReason(Tx tx, long postId, String reason, Instant now);

    void setPublished(Tx tx, long postId, String liveUrl, Instant at);

    void setLiveUrl(Tx tx, long postId, String liveUrl, Instant now);

    List<Long> targets(Tx tx, long postId);

    /** The target account ids of each of the posts, ascending (posts without targets are absent). */
    Map<Long, List<Long>> targets(Tx tx, Collection<Long> postIds);

    void replaceTargets(Tx tx, long postId, Collection<Long> accountIds);

    long insertVersion(Tx tx, PostVersion version);

    Optional<PostVersion> version(Tx tx, long versionId);

    List<PostVersion> versions(Tx tx, long postId);

    void addEditor(Tx tx, long postId, long userId);

    Set<Long> editors(Tx tx, long postId);

    /** The editors of each of the posts (posts without editors are absent). One read per few hundred posts. */
    Map<Long, Set<Long>> editors(Tx tx, Collection<Long> postIds);

    long insertMedia(Tx tx, long postId, String fileName, String mimeType, byte[] bytes, String sha256, String altText,
                     Instant now);

    Optional<PostMedia> media(Tx tx, long mediaId, boolean withBytes);

    /** The post's attached (not removed) images, in the order attached. */
    List<PostMedia> mediaOf(Tx tx, long postId, boolean withBytes);

    void setAltText(Tx tx, long mediaId, String altText);

    void removeMedia(Tx tx, long mediaId);

    long insertComment(Tx tx, long postId, long userId, String text, Instant now);

    List<Comment> comments(Tx tx, long postId);

    void replaceFindings(Tx tx, long postId, List<PostFinding> findings);

    /** Cached findings (without decisions) of the posts, or of all posts when {@code postIds} is null. */
    List<PostFinding> findings(Tx tx, Collection<Long> postIds);

    long insertDecision(Tx tx, FindingDecision decision);

    List<FindingDecision> decisions(Tx tx, long postId);

    /** The decisions on each of the posts, oldest first (posts without any are absent). */
    Map<Long, List<FindingDecision>> decisions(Tx tx, Collection<Long> postIds);

    /** Versions by id (ids not found are absent). */
    Map<Long, PostVersion> versions(Tx tx, Collection<Long> versionIds);

    void markSeen(Tx tx, long postId, long userId, long versionId, Instant now);

    Optional<Long> lastSeenVersion(Tx tx, long postId, long userId);

    /** When the user last looked at (or approved) the post, if ever. */
    Optional<Instant> lastSeenAt(Tx tx, long postId, long userId);

    /** Records a change of the post's publish time. */
    void insertMove(Tx tx, io.byline.domain.PostMove move);

    /** The moves of a post's publish time, oldest first. */
    List<io.byline.domain.PostMove> moves(Tx tx, long postId);
}
