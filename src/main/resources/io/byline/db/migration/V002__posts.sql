-- Byline schema, version 2: posts, their versions, the review workflow and what it hands over.
-- Timestamps are ISO-8601 UTC text; booleans are 0/1; JSON columns hold small arrays or objects.

CREATE TABLE post (
    id                 INTEGER PRIMARY KEY,
    executive_id       INTEGER NOT NULL REFERENCES executive(id),
    state              TEXT NOT NULL CHECK (state IN ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'SCHEDULED',
                                                      'PUBLISHED', 'REJECTED', 'EXPIRED', 'WITHDRAWN')),
    publish_at         TEXT NOT NULL,
    created_by         INTEGER NOT NULL REFERENCES app_user(id),
    current_version_id INTEGER REFERENCES post_version(id),
    working_text       TEXT,
    working_variants   TEXT NOT NULL DEFAULT '{}',
    working_by         INTEGER REFERENCES app_user(id),
    working_at         TEXT,
    submit_reason      TEXT,
    live_url           TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    published_at       TEXT
);
CREATE INDEX post_state ON post(state, publish_at);
CREATE INDEX post_executive ON post(executive_id);

CREATE TABLE post_target (
    post_id    INTEGER NOT NULL REFERENCES post(id),
    account_id INTEGER NOT NULL REFERENCES account(id),
    PRIMARY KEY (post_id, account_id)
);

-- Immutable: a version is written once. hash = io.byline.domain.ContentHash of text, variants, accounts, media.
CREATE TABLE post_version (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES post(id),
    number      INTEGER NOT NULL CHECK (number >= 1),
    text        TEXT NOT NULL,
    variants    TEXT NOT NULL DEFAULT '{}',
    accounts    TEXT NOT NULL DEFAULT '[]',
    media       TEXT NOT NULL DEFAULT '[]',
    hash        TEXT NOT NULL CHECK (length(hash) = 64),
    author_id   INTEGER NOT NULL REFERENCES app_user(id),
    created_at  TEXT NOT NULL,
    note        TEXT,
    UNIQUE (post_id, number)
);

-- Everyone who ever wrote into a post (saved a version or autosaved its text): none of them may approve it.
CREATE TABLE post_editor (
    post_id INTEGER NOT NULL REFERENCES post(id),
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    PRIMARY KEY (post_id, user_id)
);

CREATE TABLE post_media (
    id         INTEGER PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES post(id),
    file_name  TEXT NOT NULL,
    mime_type  TEXT NOT NULL,
    size       INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    alt_text   TEXT NOT NULL DEFAULT '',
    bytes      BLOB NOT NULL,
    removed    INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE INDEX post_media_post ON post_media(post_id);

CREATE TABLE post_comment (
    id         INTEGER PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES post(id),
    user_id    INTEGER NOT NULL REFERENCES app_user(id),
    text       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX post_comment_post ON post_comment(post_id);

-- Approval chains per executive and account capacity; steps in order. No row = Byline's default chain.
CREATE TABLE approval_chain (
    id           INTEGER PRIMARY KEY,
    executive_id INTEGER NOT NULL REFERENCES executive(id),
    capacity     TEXT NOT NULL CHECK (capacity IN ('OFFICIAL', 'PERSONAL')),
    updated_at   TEXT NOT NULL,
    UNIQUE (executive_id, capacity)
);

CREATE TABLE approval_step (
    chain_id INTEGER NOT NULL REFERENCES approval_chain(id) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL CHECK (ordinal >= 1),
    name     TEXT NOT NULL,
    roles    TEXT NOT NULL,
    rule     TEXT NOT NULL CHECK (rule IN ('ANY', 'ALL')),
    PRIMARY KEY (chain_id, ordinal)
);

-- A signature on one exact version. Never deleted; a later edit sets voided_at.
CREATE TABLE approval (
    id           INTEGER PRIMARY KEY,
    post_id      INTEGER NOT NULL REFERENCES post(id),
    version_id   INTEGER NOT NULL REFERENCES post_version(id),
    version_hash TEXT NOT NULL,
    step_ordinal INTEGER NOT NULL,
    step_name    TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('WRITER', 'REVIEWER', 'LEGAL', 'APPROVER', 'EXECUTIVE', 'ADMIN')),
    user_id      INTEGER NOT NULL REFERENCES app_user(id),
    at           TEXT NOT NULL,
    voided_at    TEXT,
    void_reason  TEXT
);
CREATE INDEX approval_post ON approval(post_id, voided_at);

-- Overrides (BLOCK) and acknowledgements (WARN) of single findings, by fingerprint.
CREATE TABLE finding_decision (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES post(id),
    fingerprint TEXT NOT NULL,
    rule        TEXT NOT NULL,
    term_id     TEXT,
    severity    TEXT NOT NULL CHECK (severity IN ('INFO', 'WARN', 'BLOCK')),
    kind        TEXT NOT NULL CHECK (kind IN ('OVERRIDE', 'ACKNOWLEDGE')),
    reason      TEXT NOT NULL,
    user_id     INTEGER NOT NULL REFERENCES app_user(id),
    version_id  INTEGER NOT NULL REFERENCES post_version(id),
    at          TEXT NOT NULL,
    CHECK (kind <> 'OVERRIDE' OR length(trim(reason)) > 0)
);
CREATE INDEX finding_decision_post ON finding_decision(post_id, fingerprint);

-- The version each reviewer last looked at, for "what changed since I last saw it".
CREATE TABLE review_seen (
    post_id    INTEGER NOT NULL REFERENCES post(id),
    user_id    INTEGER NOT NULL REFERENCES app_user(id),
    version_id INTEGER NOT NULL REFERENCES post_version(id),
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (post_id, user_id)
);

-- Findings of each post's current version, per platform (null: about the post as a whole). No matched text.
CREATE TABLE post_finding (
    id           INTEGER PRIMARY KEY,
    post_id      INTEGER NOT NULL REFERENCES post(id),
    platform     TEXT,
    rule         TEXT NOT NULL,
    severity     TEXT NOT NULL CHECK (severity IN ('INFO', 'WARN', 'BLOCK')),
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    category     TEXT,
    term_id      TEXT,
    message_key  TEXT,
    fingerprint  TEXT NOT NULL
);
CREATE INDEX post_finding_post ON post_finding(post_id);
CREATE INDEX post_finding_term ON post_finding(term_id);

CREATE TABLE notification (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user(id),
    text_key   TEXT NOT NULL,
    args       TEXT NOT NULL DEFAULT '[]',
    post_id    INTEGER REFERENCES post(id),
    read       INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE INDEX notification_user ON notification(user_id, read);

-- S2: nobody who wrote into a post signs it, and signatures bind to the exact current version.
CREATE TRIGGER approval_not_by_editor BEFORE INSERT ON approval
WHEN EXISTS (SELECT 1 FROM post_editor WHERE post_id = NEW.post_id AND user_id = NEW.user_id)
BEGIN
    SELECT RAISE(ABORT, 'an author or editor of a post cannot approve it');
END;

CREATE TRIGGER approval_binds_current_version BEFORE INSERT ON approval
WHEN NEW.version_id IS NOT (SELECT current_version_id FROM post WHERE id = NEW.post_id)
  OR NEW.version_hash IS NOT (SELECT hash FROM post_version WHERE id = NEW.version_id AND post_id = NEW.post_id)
BEGIN
    SELECT RAISE(ABORT, 'an approval must name the current version of the post and its exact hash');
END;

CREATE TRIGGER approval_only_voided BEFORE UPDATE ON approval
WHEN OLD.voided_at IS NOT NULL OR NEW.voided_at IS NULL
  OR NEW.post_id IS NOT OLD.post_id OR NEW.version_id IS NOT OLD.version_id OR NEW.version_hash IS NOT OLD.version_hash
  OR NEW.user_id IS NOT OLD.user_id OR NEW.role IS NOT OLD.role OR NEW.at IS NOT OLD.at
  OR NEW.step_ordinal IS NOT OLD.step_ordinal
BEGIN
    SELECT RAISE(ABORT, 'an approval can only be voided, once');
END;

CREATE TRIGGER approval_no_delete BEFORE DELETE ON approval
BEGIN
    SELECT RAISE(ABORT, 'approvals cannot be deleted');
END;

CREATE TRIGGER finding_decision_not_by_editor BEFORE INSERT ON finding_decision
WHEN EXISTS (SELECT 1 FROM post_editor WHERE post_id = NEW.post_id AND user_id = NEW.user_id)
BEGIN
    SELECT RAISE(ABORT, 'an author or editor of a post cannot override or acknowledge its findings');
END;

CREATE TRIGGER post_version_no_update BEFORE UPDATE ON post_version
BEGIN
    SELECT RAISE(ABORT, 'post versions cannot be changed');
END;

CREATE TRIGGER post_version_no_delete BEFORE DELETE ON post_version
BEGIN
    SELECT RAISE(ABORT, 'post versions cannot be deleted');
END;

CREATE TRIGGER post_version_author_is_editor AFTER INSERT ON post_version
BEGIN
    INSERT OR IGNORE INTO post_editor (post_id, user_id) VALUES (NEW.post_id, NEW.author_id);
END;

-- S1 backstop: a new current version voids every standing approval of an older one.
CREATE TRIGGER post_new_version_voids_approvals AFTER UPDATE OF current_version_id ON post
WHEN NEW.current_version_id IS NOT OLD.current_version_id
BEGIN
    UPDATE approval SET voided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), void_reason = 'edited'
     WHERE post_id = NEW.id AND voided_at IS NULL AND version_id IS NOT NEW.current_version_id;
END;

CREATE TRIGGER post_published_is_final BEFORE UPDATE ON post
WHEN OLD.state = 'PUBLISHED' AND (NEW.state <> 'PUBLISHED' OR NEW.current_version_id IS NOT OLD.current_version_id)
BEGIN
    SELECT RAISE(ABORT, 'a published post cannot be changed');
END;

CREATE TRIGGER post_publish_needs_approval BEFORE UPDATE OF state ON post
WHEN NEW.state = 'PUBLISHED' AND OLD.state <> 'PUBLISHED' AND NOT EXISTS (
    SELECT 1 FROM approval a JOIN post_version v ON v.id = a.version_id
     WHERE a.post_id = NEW.id AND a.version_id = NEW.current_version_id AND a.voided_at IS NULL AND a.version_hash = v.hash)
BEGIN
    SELECT RAISE(ABORT, 'a post cannot be published without a standing approval of its current version');
END;
