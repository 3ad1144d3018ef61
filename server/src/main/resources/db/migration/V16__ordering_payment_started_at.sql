-- When the payment under way started, so that reconciliation leaves young ones alone.
ALTER TABLE customer_order ADD COLUMN payment_started_at timestamptz;

CREATE INDEX customer_order_paying ON customer_order (payment_started_at) WHERE payment_pending;
