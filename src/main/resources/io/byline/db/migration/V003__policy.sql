-- Byline schema, version 3: proposals to allow a phrase, made when a finding is marked a false positive.
-- The phrase is public by definition (that is the proposal); the audit log still names only the proposal's id.

CREATE TABLE policy_allow_proposal (
    id           INTEGER PRIMARY KEY,
    phrase       TEXT NOT NULL CHECK (length(trim(phrase)) > 0),
    post_id      INTEGER REFERENCES post(id),
    fingerprint  TEXT,
    rule         TEXT,
    category     TEXT,
    reason       TEXT NOT NULL DEFAULT '',
    proposed_by  INTEGER NOT NULL REFERENCES app_user(id),
    proposed_at  TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPLIED', 'DECLINED')),
    decided_by   INTEGER REFERENCES app_user(id),
    decided_at   TEXT
);
CREATE INDEX policy_allow_proposal_status ON policy_allow_proposal(status);
