-- Where one place in an event's line stands, handing out its admission the first time the front
-- has passed it.
-- KEYS: meta, line, entries, front, tokens
-- ARGV: now (ms), queue id
-- Returns {} for an unknown place, else {owner|joined at, rank, admitted places, places in the
-- line, token lapses at (ms, 0: not admitted), 1 when admitted by this call, rate, opening (ms),
-- the front's recent speed (thousandths of a place a second, -1 unknown)}.
local now = tonumber(ARGV[1])
local entry = redis.call('HGET', KEYS[3], ARGV[2])
local rate = tonumber(redis.call('HGET', KEYS[1], 'rate'))
if not entry or not rate then
  return {}
end
local opens = tonumber(redis.call('HGET', KEYS[1], 'opens'))
local front = math.floor(advance(KEYS[4], KEYS[2], now, opens, rate))
local rank = redis.call('ZRANK', KEYS[2], ARGV[2])
local tail = redis.call('ZCARD', KEYS[2])
local moving = math.floor(speed(KEYS[4]) * 1000)
local lapses = tonumber(redis.call('HGET', KEYS[5], ARGV[2]))
if lapses then
  return {entry, rank, front, tail, lapses, 0, rate, opens, moving}
end
if now >= opens and rank < front then
  lapses = now + tonumber(redis.call('HGET', KEYS[1], 'ttl'))
  redis.call('HSET', KEYS[5], ARGV[2], tostring(lapses))
  return {entry, rank, front, tail, lapses, 1, rate, opens, moving}
end
return {entry, rank, front, tail, 0, 0, rate, opens, moving}
