-- Version 8: two indexes no query reads, each one more B-tree that every applied notification rewrote.

-- `payment_request_id` of a notification is never written (the dedup key names the fact), so the index held
-- only NULLs, one more each time a notification was stored.
DROP INDEX notifications_by_payment_request;

-- An order's save reads (when it must read at all) and removes its due work by kind and subject, through the
-- unique (kind, subject) index; nothing reads due work by subject alone any more.
DROP INDEX due_work_by_subject;
