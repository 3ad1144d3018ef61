-- Joins a user to an event's line, or finds their place if they are in it already.
-- KEYS: meta, line, sequence, users, entries, front, tokens
-- ARGV: now (ms), user id, new queue id, rate, opening (ms), token lifetime (ms), expire at (s),
--       a random score in [0, 1) for a join before the opening
-- Returns {created (1/0), queue id, rank (0-based), admitted places}.
local now, opens, rate = tonumber(ARGV[1]), tonumber(ARGV[5]), tonumber(ARGV[4])
-- The terms are written by the first join only: later changes arrive through terms.lua, after
-- they commit. (A join reads the terms through a short cache, which may still hold the old ones.)
redis.call('HSETNX', KEYS[1], 'rate', ARGV[4])
redis.call('HSETNX', KEYS[1], 'opens', ARGV[5])
redis.call('HSETNX', KEYS[1], 'ttl', ARGV[6])
opens, rate = tonumber(redis.call('HGET', KEYS[1], 'opens')), tonumber(redis.call('HGET', KEYS[1], 'rate'))
local front = advance(KEYS[6], KEYS[2], now, opens, rate)
local existing = redis.call('HGET', KEYS[4], ARGV[2])
if existing then
  local lapses = tonumber(redis.call('HGET', KEYS[7], existing))
  if lapses == nil or lapses > now then
    return {0, existing, redis.call('ZRANK', KEYS[2], existing), math.floor(front)}
  end
  -- Their token has lapsed: they join again at the back. The old place stays in the line, so
  -- that nobody behind it moves up unadmitted.
end
local score
if now < opens then
  -- Before the opening everyone is put in a random order, ahead of later arrivals.
  score = ARGV[8]
else
  score = 1 + redis.call('INCR', KEYS[3])
end
redis.call('ZADD', KEYS[2], score, ARGV[3])
redis.call('HSET', KEYS[4], ARGV[2], ARGV[3])
redis.call('HSET', KEYS[5], ARGV[3], ARGV[2] .. '|' .. ARGV[1])
for _, key in ipairs(KEYS) do
  redis.call('EXPIREAT', key, ARGV[7])
end
return {1, ARGV[3], redis.call('ZRANK', KEYS[2], ARGV[3]), math.floor(front)}
