-- Reconciliation of long-pending payments claims its orders (SKIP LOCKED) until this time, so
-- that several instances do not settle the same orders at once.
ALTER TABLE customer_order ADD COLUMN payment_check_at timestamptz;
