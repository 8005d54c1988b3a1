-- Version 22: merchant refunds. A captured payment may be refunded several times (full or partial, their sum within
-- the captured amount), so an attempt has any number of refunds instead of at most one; each refund is still found
-- by its own refund request id (unique).
--
-- H2 lets the foreign key on attempt_id use the index of the constraint that made it unique, and keeps that index
-- (still unique) when the constraint alone is dropped. So the column is replaced: a new one with its foreign key,
-- filled from the old, which goes with its constraints; then it takes the old name.
ALTER TABLE refunds ADD COLUMN attempt_ref BIGINT REFERENCES payment_attempts (id);
UPDATE refunds SET attempt_ref = attempt_id;
ALTER TABLE refunds DROP CONSTRAINT refunds_one_per_attempt;
ALTER TABLE refunds DROP COLUMN attempt_id;
ALTER TABLE refunds RENAME COLUMN attempt_ref TO attempt_id;
ALTER TABLE refunds ALTER COLUMN attempt_id SET NOT NULL;
-- An order's refunds are read (and the foreign key checked) by attempt, oldest first.
CREATE INDEX refunds_by_attempt ON refunds (attempt_id, id);
