-- The front of one event's line: how many places have been admitted. It moves at `rate` places a
-- second from the opening, measured on the callers' clock (`now`, milliseconds), and never runs
-- more than a second's worth of places past the end of the line, so a quiet queue does not save
-- up admissions for the next crowd. Every instance moves the same front inside Redis, one script
-- at a time: together they admit `rate` a second, not `rate` each. While the front is braked (its
-- `brake` is a time still to come, see brake.lua) it stands still, and it does not make up for
-- the braked time afterwards.
-- How fast the front really moved over its last window of at least 10 s (braked, it is slower
-- than `rate`): `speed`, places a second, for the pacing of polls.
local function track(frontKey, now, front)
  local mark = tonumber(redis.call('HGET', frontKey, 'mark'))
  if mark == nil then
    redis.call('HSET', frontKey, 'mark', tostring(now), 'markFront', tostring(front))
  elseif now - mark >= 10000 then
    local speed = (front - tonumber(redis.call('HGET', frontKey, 'markFront'))) * 1000 / (now - mark)
    redis.call('HSET', frontKey, 'speed', tostring(speed), 'mark', tostring(now), 'markFront', tostring(front))
  end
end

local function advance(frontKey, lineKey, now, opens, rate)
  local front = tonumber(redis.call('HGET', frontKey, 'front'))
  local at = tonumber(redis.call('HGET', frontKey, 'at'))
  if front == nil or at == nil then
    -- A new line (or one Redis lost): the front starts at the opening, or now if that is past.
    front = 0
    at = math.max(now, opens)
    redis.call('HSET', frontKey, 'front', '0', 'at', tostring(at))
    return front
  end
  if now <= at then
    return front
  end
  local brake = tonumber(redis.call('HGET', frontKey, 'brake'))
  if brake ~= nil and now < brake then
    redis.call('HSET', frontKey, 'at', tostring(now))
    track(frontKey, now, front)
    return front
  end
  local since = at
  if brake ~= nil and brake > since then
    since = brake
  end
  local cap = redis.call('ZCARD', lineKey) + rate
  local moved = math.max(front, math.min(cap, front + rate * (now - since) / 1000))
  redis.call('HSET', frontKey, 'front', tostring(moved), 'at', tostring(now))
  track(frontKey, now, moved)
  return moved
end

-- Places a second the front moved over its last window; -1 before a window has passed.
local function speed(frontKey)
  return tonumber(redis.call('HGET', frontKey, 'speed')) or -1
end
