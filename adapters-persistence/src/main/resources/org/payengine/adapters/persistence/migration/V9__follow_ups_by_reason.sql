-- Version 9: background work follows signals, not a clock. Each item says why it is due (its reason) and counts
-- the looks at Antom it took for that reason, and those the buyer's returns took, so every reason keeps its own
-- schedule and cap. Items made before this version have no reason: the worker takes the one the attempt's state
-- gives, and the next save that changes the attempt makes the item over with its reason.
ALTER TABLE due_work ADD COLUMN reason VARCHAR(40);
ALTER TABLE due_work ADD COLUMN looks INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE due_work ADD COLUMN buyer_returns INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE due_work ADD COLUMN buyer_looks_left INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE due_work ADD COLUMN last_buyer_look_at TIMESTAMP WITH TIME ZONE;
