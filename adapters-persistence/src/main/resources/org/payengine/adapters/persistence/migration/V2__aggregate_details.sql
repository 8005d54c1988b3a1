-- Version 2: the rest of the order aggregate. Value objects that are read and written only as part
-- of their order (the buyer, goods lines, the merchant's payment options, facts set aside for
-- review) are kept as JSON text next to the columns that are queried, constrained or indexed.

ALTER TABLE orders ADD COLUMN buyer VARCHAR(8192);
ALTER TABLE orders ADD COLUMN goods VARCHAR(1000000);

ALTER TABLE payment_attempts ADD COLUMN options VARCHAR(65536);
ALTER TABLE payment_attempts ADD COLUMN reviews VARCHAR(1000000);
ALTER TABLE payment_attempts ADD COLUMN auth_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE payment_attempts ADD COLUMN deadline_warning_raised BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE payment_attempts ADD COLUMN card_funding VARCHAR(16);
ALTER TABLE payment_attempts ADD COLUMN card_issuing_country VARCHAR(3);
ALTER TABLE payment_attempts ADD COLUMN card_expiry VARCHAR(7);
ALTER TABLE payment_attempts DROP COLUMN result_status;
ALTER TABLE payment_attempts ALTER COLUMN avs_result_raw TYPE VARCHAR(64);
ALTER TABLE payment_attempts ALTER COLUMN cvv_result_raw TYPE VARCHAR(64);
ALTER TABLE payment_attempts ALTER COLUMN network_transaction_id TYPE VARCHAR(256);
ALTER TABLE payment_attempts ALTER COLUMN three_ds_ds_transaction_id TYPE VARCHAR(128);

-- Antom captures an automatic-capture payment by itself and may not say under which request id.
ALTER TABLE captures ALTER COLUMN capture_request_id DROP NOT NULL;

ALTER TABLE refunds ADD COLUMN reason VARCHAR(256);

-- Outbox events carry their stable id (order, order version, index): unique, so a save that is
-- retried can never store an event twice.
ALTER TABLE outbox_events ADD COLUMN event_id VARCHAR(128);
ALTER TABLE outbox_events ADD COLUMN event_class VARCHAR(64);
ALTER TABLE outbox_events ADD CONSTRAINT outbox_events_event_id_unique UNIQUE (event_id);

-- Audit entries name their subject by its own id (payment request, capture or refund request id).
ALTER TABLE audit_entries ADD COLUMN subject_id VARCHAR(64);

-- The workers' queries select attempts by state; the index keeps their cost to the matching rows.
CREATE INDEX payment_attempts_by_status ON payment_attempts (status, created_at, id);

-- A notification's body is kept as the exact bytes Antom signed, with the request line it came on.
ALTER TABLE notifications DROP COLUMN raw_body;
ALTER TABLE notifications ADD COLUMN body BYTEA;
ALTER TABLE notifications ADD COLUMN method VARCHAR(16);
ALTER TABLE notifications ADD COLUMN path VARCHAR(2048);
