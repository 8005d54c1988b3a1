-- Version 6: the background workers claim their work from due_work, so nothing reads attempts by state any
-- more. The finders' indexes go: each was one more B-tree that every change of an attempt's status rewrote.

DROP INDEX payment_attempts_by_status;
DROP INDEX payment_attempts_by_deadline;
DROP INDEX payment_attempts_duplicates;
DROP INDEX captures_by_status;
