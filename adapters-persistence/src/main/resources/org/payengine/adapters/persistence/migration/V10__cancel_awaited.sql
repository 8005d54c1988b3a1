-- Version 10: a cancel of an authorized attempt is written before it is sent, so a cancel whose answer was lost (a
-- timeout, a crash) is followed up until Antom's answer settles it. NULL: no cancel awaits an answer.
ALTER TABLE payment_attempts ADD COLUMN cancel_requested_at TIMESTAMP WITH TIME ZONE;
