-- Version 7: the order listing (newest first, a page at a time from a cursor) reads the orders along this index,
-- starting at the cursor, so a page costs what it holds however many orders are stored. Ties of created_at
-- are broken by reference_order_id, which is unique. Neither column ever changes once an order is written, so
-- the index costs one entry per new order and nothing on the updates of its status.
CREATE INDEX orders_newest_first ON orders (created_at DESC, reference_order_id DESC);
