-- Byline schema: approvals keep the approver's name as it was when they signed, and every move of a post's
-- publish time is kept (an approval covers the time too, so a move may void approvals like an edit).
-- (Assigned number V006; renumbered at merge.)

ALTER TABLE approval ADD COLUMN user_name TEXT;

-- Older approvals take the approver's current name. The "only voided" trigger refuses any other update, so it is
-- replaced around the fill, and from now on also keeps the name as it was signed.
DROP TRIGGER approval_only_voided;
UPDATE approval SET user_name = (SELECT display_name FROM app_user WHERE app_user.id = approval.user_id);

CREATE TRIGGER approval_only_voided BEFORE UPDATE ON approval
WHEN OLD.voided_at IS NOT NULL OR NEW.voided_at IS NULL
  OR NEW.post_id IS NOT OLD.post_id OR NEW.version_id IS NOT OLD.version_id OR NEW.version_hash IS NOT OLD.version_hash
  OR NEW.user_id IS NOT OLD.user_id OR NEW.role IS NOT OLD.role OR NEW.at IS NOT OLD.at
  OR NEW.step_ordinal IS NOT OLD.step_ordinal OR NEW.user_name IS NOT OLD.user_name
BEGIN
    SELECT RAISE(ABORT, 'an approval can only be voided, once');
END;

-- Each change of a post's publish time: from, to, by whom, and how many approvals it voided. Never changed.
CREATE TABLE post_move (
    id               INTEGER PRIMARY KEY,
    post_id          INTEGER NOT NULL REFERENCES post(id),
    from_at          TEXT NOT NULL,
    to_at            TEXT NOT NULL,
    user_id          INTEGER NOT NULL REFERENCES app_user(id),
    user_name        TEXT NOT NULL,
    at               TEXT NOT NULL,
    approvals_voided INTEGER NOT NULL CHECK (approvals_voided >= 0)
);
CREATE INDEX post_move_post ON post_move(post_id, at);

CREATE TRIGGER post_move_no_update BEFORE UPDATE ON post_move
BEGIN
    SELECT RAISE(ABORT, 'moves of a post cannot be changed');
END;

CREATE TRIGGER post_move_no_delete BEFORE DELETE ON post_move
BEGIN
    SELECT RAISE(ABORT, 'moves of a post cannot be deleted');
END;
