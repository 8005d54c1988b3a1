-- Version 21: the merchant API's listings (GET /v1/orders, GET /v1/payments), newest first a page at a time from a
-- cursor, filtered by status. An operator looks for the few attempts that need a look (UNKNOWN, INITIATED long ago)
-- or the orders still to capture (AUTHORIZED) among millions settled long ago: each of these indexes makes such a page
-- cost what it holds, as orders_newest_first (V7) does for the unfiltered order listing. Ties of created_at are
-- broken by the unique id each listing pages by. A status index costs one entry rewritten per change of status (a
-- few per order and attempt); the attempts' creation index costs one entry per new attempt and nothing on updates.
CREATE INDEX orders_by_status ON orders (status, created_at DESC, reference_order_id DESC);
CREATE INDEX payment_attempts_newest_first ON payment_attempts (created_at DESC, payment_request_id DESC);
CREATE INDEX payment_attempts_by_status ON payment_attempts (status, created_at DESC, payment_request_id DESC);
