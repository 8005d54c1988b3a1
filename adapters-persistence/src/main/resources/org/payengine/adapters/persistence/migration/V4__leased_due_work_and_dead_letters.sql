-- Version 4: the workers' due work is leased, and the outbox can set a hopeless event aside.

-- A claim moves `due_at` to the end of its lease and keeps the instant the item was due before in
-- `due_before_claim`, so that giving the item back restores it. `scheduled_at` is when the need
-- arose (the item's `since`). The save of an order finds its items by subject (a payment request id).
ALTER TABLE due_work ADD COLUMN due_before_claim TIMESTAMP WITH TIME ZONE;
CREATE INDEX due_work_by_subject ON due_work (subject);

-- An event dead-lettered after too many failed deliveries: no longer due (next_attempt_at NULL),
-- not delivered (delivered_at NULL), listed for a person.
ALTER TABLE outbox_events ADD COLUMN dead_lettered_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX outbox_events_dead_lettered ON outbox_events (dead_lettered_at, id);

-- The items the attempts stored before this version need (the same rule as WorkItem.neededBy).
INSERT INTO due_work (kind, subject, due_at, claims, scheduled_at)
SELECT 'PAYMENT_RESULT', a.payment_request_id, a.created_at, 0, a.created_at
FROM payment_attempts a
WHERE a.status IN ('INITIATED', 'PENDING', 'UNKNOWN');

INSERT INTO due_work (kind, subject, due_at, claims, scheduled_at)
SELECT 'CAPTURE_RESULT', a.payment_request_id, COALESCE(c.requested_at, a.authorized_at), 0,
       COALESCE(c.requested_at, a.authorized_at)
FROM payment_attempts a LEFT JOIN captures c ON c.attempt_id = a.id
WHERE a.status = 'AUTHORIZED'
  AND (c.status IN ('REQUESTED', 'PROCESSING') OR (c.id IS NULL AND a.capture_mode = 'AUTOMATIC'));

INSERT INTO due_work (kind, subject, due_at, claims, scheduled_at)
SELECT 'CAPTURE_DEADLINE', a.payment_request_id, a.authorized_at, 0, a.authorized_at
FROM payment_attempts a
WHERE a.status = 'AUTHORIZED' AND a.capture_mode = 'MANUAL' AND a.duplicate = FALSE;

INSERT INTO due_work (kind, subject, due_at, claims, scheduled_at)
SELECT 'DUPLICATE', a.payment_request_id, a.authorized_at, 0, a.authorized_at
FROM payment_attempts a LEFT JOIN refunds r ON r.attempt_id = a.id
WHERE a.duplicate = TRUE AND a.status IN ('AUTHORIZED', 'CAPTURED')
  AND (r.id IS NULL OR r.status IN ('REQUESTED', 'PROCESSING'));
