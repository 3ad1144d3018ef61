-- The event's holds fall behind its admissions: the front stands still until `until`. The places
-- admitted up to now stay admitted; a brake that reaches further than one already on extends it.
-- KEYS: meta, line, front   ARGV: now (ms), until (ms)
-- Returns 1 when the line exists (and is braked), 0 when it does not.
local rate = tonumber(redis.call('HGET', KEYS[1], 'rate'))
if not rate then
  return 0
end
local now, till = tonumber(ARGV[1]), tonumber(ARGV[2])
advance(KEYS[3], KEYS[2], now, tonumber(redis.call('HGET', KEYS[1], 'opens')), rate)
local brake = tonumber(redis.call('HGET', KEYS[3], 'brake'))
if brake == nil or brake < till then
  redis.call('HSET', KEYS[3], 'brake', ARGV[2])
end
return 1
