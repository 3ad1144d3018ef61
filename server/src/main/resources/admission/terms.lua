-- Changed terms (rate, opening, token lifetime) reach a line that exists, and make none.
-- KEYS: meta   ARGV: rate, opening (ms), token lifetime (ms)
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'rate', ARGV[1], 'opens', ARGV[2], 'ttl', ARGV[3])
end
return 0
