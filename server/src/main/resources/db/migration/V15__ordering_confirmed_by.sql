-- Who outside had to agree to the hold (the airline for flights, the venue's partner system),
-- and so must be told when it ends; NULL when our own inventory decides alone.
ALTER TABLE customer_order
    ADD COLUMN confirmed_by text CHECK (confirmed_by IN ('AIRLINE', 'PARTNER'));
