-- Version 5: the attempt finders read what is due, not the history. Settled attempts pile up by the
-- million, so each finder's index starts with the columns that single out the few it looks for, and
-- a finder's cost grows with those few (or at worst with the attempts still open), not the table.

-- Attempts awaiting Antom: INITIATED, PENDING and UNKNOWN ones, and AUTHORIZED ones with automatic
-- capture, are each a range of this index (it was (status, created_at, id)).
DROP INDEX payment_attempts_by_status;
CREATE INDEX payment_attempts_by_status ON payment_attempts (status, capture_mode, created_at, id);

-- ... and AUTHORIZED ones whose capture is REQUESTED or PROCESSING are found from their capture, as
-- most captures have SUCCEEDED long ago.
CREATE INDEX captures_by_status ON captures (status, attempt_id);

-- Manual-capture authorizations nearing their capture deadline, earliest first: read in deadline
-- order and left as soon as the deadline is passed or the limit reached.
CREATE INDEX payment_attempts_by_deadline ON payment_attempts (status, capture_mode, capture_deadline, id);

-- Duplicate successes still to undo: few among the duplicates, which are few among the attempts.
-- Without it PostgreSQL scans the whole table (CAPTURED is most of it).
CREATE INDEX payment_attempts_duplicates ON payment_attempts (duplicate, status, created_at, id);
