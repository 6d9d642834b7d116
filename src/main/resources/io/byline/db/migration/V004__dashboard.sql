-- Byline schema: what the Dashboard aggregates need (assigned number V006; renumbered at merge).
-- submitted_at: when the post last entered review (submission or return to review), kept by a trigger so the
-- approval turnaround (submission → each step's approval) needs no scan of the audit log.

ALTER TABLE post ADD COLUMN submitted_at TEXT;

UPDATE post SET submitted_at = (SELECT max(e.at) FROM audit_event e
                                 WHERE e.entity_type = 'post' AND e.entity_id = CAST(post.id AS TEXT) AND e.type = 'post.submit')
 WHERE state <> 'DRAFT';

CREATE TRIGGER post_submitted_at AFTER UPDATE OF state ON post
WHEN NEW.state = 'IN_REVIEW' AND OLD.state IS NOT 'IN_REVIEW'
BEGIN
    UPDATE post SET submitted_at = NEW.updated_at WHERE id = NEW.id;
END;

-- Dashboard windows, as covering indexes: posts by publish time (posts per executive, findings over time, what is
-- due), approvals by time (turnaround).
CREATE INDEX post_publish_at ON post(publish_at, state, executive_id);
CREATE INDEX approval_at ON approval(at, voided_at, post_id, step_ordinal, step_name);
CREATE INDEX finding_decision_kind ON finding_decision(kind, rule);
