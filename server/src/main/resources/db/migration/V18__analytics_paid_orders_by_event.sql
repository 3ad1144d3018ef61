-- Sales analytics read an event's paid orders (per zone and per minute, and the CSV export) by
-- event and paid_at; without this, each read would scan every order of every event.
CREATE INDEX customer_order_paid_by_event ON customer_order (event_id, paid_at) WHERE status = 'PAID';
