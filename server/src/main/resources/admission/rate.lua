-- A changed admission rate or token lifetime reaches a line that exists (and makes none).
-- KEYS: meta   ARGV: rate, token lifetime (ms)
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'rate', ARGV[1], 'ttl', ARGV[2])
end
return 0
