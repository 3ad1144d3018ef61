-- A success the provider reports for another amount or currency than the attempt asked for is no
-- payment of the order: the attempt becomes MISMATCHED, and reconciliation refunds it
-- (MISMATCH_REFUNDED).
ALTER TABLE payment_attempt DROP CONSTRAINT payment_attempt_status_check;
ALTER TABLE payment_attempt ADD CONSTRAINT payment_attempt_status_check
    CHECK (status IN ('PENDING', 'SUCCEEDED', 'DECLINED', 'FAILED', 'UNKNOWN', 'REFUNDED', 'MISMATCHED',
                      'MISMATCH_REFUNDED'));

DROP INDEX payment_attempt_open;
CREATE INDEX payment_attempt_open ON payment_attempt (next_check_at)
    WHERE status IN ('PENDING', 'UNKNOWN', 'MISMATCHED');
