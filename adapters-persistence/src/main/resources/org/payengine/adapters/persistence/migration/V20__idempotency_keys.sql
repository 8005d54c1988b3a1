-- Version 20: the requests merchants sent with an Idempotency-Key, with the answers they got, so that a retry is
-- answered again by any node instead of executed again. One row per (scope, key): the primary key is what lets
-- only one of two concurrent requests claim a key. A row is claimed (claimed_until set, no answer) while its
-- request is executed, then answered (the answer's status, location and exact bytes); expires_at is a day after
-- the first request, and the expired rows are deleted along idempotency_keys_expiry. The request itself is kept
-- only as a SHA-256 fingerprint.
CREATE TABLE idempotency_keys (
    scope                VARCHAR(64)   NOT NULL,
    idempotency_key      VARCHAR(255)  NOT NULL,
    request_fingerprint  VARCHAR(128)  NOT NULL,
    claim_token          VARCHAR(64)   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until        TIMESTAMP WITH TIME ZONE,
    answer_status        INTEGER,
    answer_location      VARCHAR(2048),
    answer_body          BYTEA,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
