-- Byline schema, version 1. Plain SQL kept portable where it costs nothing (a PostgreSQL store is planned):
-- timestamps are ISO-8601 UTC text, booleans are 0/1 integers, ids are integer keys.

CREATE TABLE workspace_setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE app_user (
    id                  INTEGER PRIMARY KEY,
    username            TEXT NOT NULL,
    username_key        TEXT NOT NULL UNIQUE,
    display_name        TEXT NOT NULL,
    password_hash       TEXT NOT NULL,
    password_salt       TEXT NOT NULL,
    password_iterations INTEGER NOT NULL CHECK (password_iterations >= 1),
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    executive_id        INTEGER REFERENCES executive(id),
    created_at          TEXT NOT NULL
);

CREATE TABLE user_role (
    user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('WRITER', 'REVIEWER', 'LEGAL', 'APPROVER', 'EXECUTIVE', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE executive (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    voice_notes  TEXT NOT NULL DEFAULT '',
    photo        BLOB,
    time_zone    TEXT NOT NULL DEFAULT 'UTC',
    retired      INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_at   TEXT NOT NULL
);

CREATE TABLE account (
    id           INTEGER PRIMARY KEY,
    executive_id INTEGER NOT NULL REFERENCES executive(id),
    platform     TEXT NOT NULL CHECK (platform IN ('x', 'linkedin', 'threads', 'bluesky', 'mastodon', 'facebook', 'instagram')),
    handle       TEXT NOT NULL,
    handle_key   TEXT NOT NULL,
    capacity     TEXT NOT NULL CHECK (capacity IN ('OFFICIAL', 'PERSONAL')),
    bio          TEXT NOT NULL DEFAULT '',
    disclaimer   TEXT NOT NULL DEFAULT '',
    retired      INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_at   TEXT NOT NULL,
    UNIQUE (platform, handle_key)
);
CREATE INDEX account_executive ON account(executive_id);

-- The tamper-evident log: each entry's MAC covers its content and the previous entry's MAC.
CREATE TABLE audit_event (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    INTEGER,
    actor_name  TEXT NOT NULL,
    type        TEXT NOT NULL,
    entity_type TEXT,
    entity_id   TEXT,
    details     TEXT NOT NULL DEFAULT '{}',
    prev_mac    TEXT NOT NULL,
    mac         TEXT NOT NULL
);
CREATE INDEX audit_event_entity ON audit_event(entity_type, entity_id);
CREATE INDEX audit_event_type ON audit_event(type);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit entries cannot be changed');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit entries cannot be deleted');
END;

-- The policy of confidential terms. Each entry has a term or a pattern, never both.
CREATE TABLE policy_term (
    id            INTEGER PRIMARY KEY,
    term          TEXT,
    pattern       TEXT,
    category      TEXT NOT NULL,
    severity      TEXT NOT NULL CHECK (severity IN ('INFO', 'WARN', 'BLOCK')),
    embargo_until TEXT,
    note          TEXT NOT NULL DEFAULT '',
    retired       INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK ((term IS NULL) <> (pattern IS NULL))
);

CREATE TABLE policy_allow (
    id      INTEGER PRIMARY KEY,
    phrase  TEXT NOT NULL UNIQUE,
    retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE policy_domain (
    id      INTEGER PRIMARY KEY,
    domain  TEXT NOT NULL UNIQUE,
    retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);
