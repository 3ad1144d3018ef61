-- Changed terms (rate, opening, token lifetime) reach a line that exists, and make none. A new
-- rate starts the front's speed afresh (see front.lua): the old rate's speed would pace the polls
-- for a front that no longer moves at it.
-- KEYS: meta, front   ARGV: rate, opening (ms), token lifetime (ms)
if redis.call('EXISTS', KEYS[1]) == 1 then
  if redis.call('HGET', KEYS[1], 'rate') ~= ARGV[1] then
    redis.call('HDEL', KEYS[2], 'speed', 'mark', 'markFront')
  end
  redis.call('HSET', KEYS[1], 'rate', ARGV[1], 'opens', ARGV[2], 'ttl', ARGV[3])
end
return 0
