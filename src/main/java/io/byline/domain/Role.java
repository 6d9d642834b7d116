package io.byline.domain;

/** What a user may do. A user holds one or more roles. */
public enum Role {
    /** Drafts posts in the executive's voice. */
    WRITER,
    /** Reviews drafts (communications). */
    REVIEWER,
    /** Legal review; may override blocking findings. */
    LEGAL,
    /** The communications director; may override blocking findings and manage executives. */
    APPROVER,
    /** Signs off posts in their own name. */
    EXECUTIVE,
    /** Manages users, roles and the workspace. */
    ADMIN
}
