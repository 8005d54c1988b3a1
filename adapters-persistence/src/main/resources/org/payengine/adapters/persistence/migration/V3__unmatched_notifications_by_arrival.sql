-- Version 3: unmatched notifications are replayed oldest first by the time they were received (not by
-- the order their rows were written), so the index that serves the replay follows that order.

DROP INDEX notifications_by_outcome;
CREATE INDEX notifications_by_outcome ON notifications (outcome, received_at, id);
