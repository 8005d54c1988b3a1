-- Version 19: a capture waits for Antom's answer only while its attempt is authorized. A cancel that Antom carried
-- out before a capture it had not answered used to leave that capture REQUESTED (or PROCESSING) on a CANCELLED
-- attempt, where nothing follows it up. Antom refuses to cancel what it captured or is capturing, so such a capture
-- did not happen: it fails with Antom's code for a capture of a cancelled payment, as the engine now records it when
-- the cancel arrives, and the change is audited.
INSERT INTO audit_entries (order_id, payment_request_id, subject, subject_id, from_state, to_state, cause, detail,
                           occurred_at)
SELECT a.order_id, NULL, 'CAPTURE', c.capture_request_id, c.status, 'FAILED', 'WORKER',
       'Antom cancelled the payment before capturing it; the capture left waiting on the cancelled attempt is failed on upgrade',
       CURRENT_TIMESTAMP
FROM captures c JOIN payment_attempts a ON a.id = c.attempt_id
WHERE a.status = 'CANCELLED' AND c.status IN ('REQUESTED', 'PROCESSING');

UPDATE captures SET status = 'FAILED', result_code = 'ORDER_IS_CANCELED',
    result_message = 'Antom cancelled the payment before capturing it; the funds were released, not captured',
    completed_at = NULL
WHERE status IN ('REQUESTED', 'PROCESSING')
  AND attempt_id IN (SELECT id FROM payment_attempts WHERE status = 'CANCELLED');
