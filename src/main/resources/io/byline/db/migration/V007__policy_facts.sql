-- Byline schema, version 6: the parts of the policy beyond words. Figures that are (or will be) public, accounts
-- executives must not engage, quiet periods. Each is replaced as a whole by an import or an edit (with its audit
-- entry); rows are checked again when read, like everything Byline reads from a file.

CREATE TABLE policy_fact (
    id           INTEGER PRIMARY KEY,
    fact_id      TEXT NOT NULL UNIQUE CHECK (length(trim(fact_id)) > 0),
    metric       TEXT NOT NULL,
    value        TEXT NOT NULL,
    currency     TEXT,
    period       TEXT,
    disclosed_at TEXT NOT NULL,
    tolerance    REAL NOT NULL CHECK (tolerance >= 0 AND tolerance < 1)
);

CREATE TABLE policy_do_not_engage (
    id       INTEGER PRIMARY KEY,
    platform TEXT,
    handle   TEXT NOT NULL CHECK (length(trim(handle)) > 0),
    names    TEXT NOT NULL DEFAULT '',
    reason   TEXT NOT NULL DEFAULT '',
    severity TEXT NOT NULL CHECK (severity IN ('INFO', 'WARN', 'BLOCK'))
);

CREATE TABLE policy_quiet_period (
    id       INTEGER PRIMARY KEY,
    label    TEXT NOT NULL CHECK (length(trim(label)) > 0),
    from_at  TEXT NOT NULL,
    to_at    TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('INFO', 'WARN', 'BLOCK')),
    CHECK (from_at < to_at)
);

-- bumped by every change of the three tables, so a compiled policy is cached until one changes
CREATE TABLE policy_facts_stamp (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    stamp INTEGER NOT NULL
);
INSERT INTO policy_facts_stamp (id, stamp) VALUES (1, 0);
