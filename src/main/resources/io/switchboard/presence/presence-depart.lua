-- Connection ARGV[3] of user ARGV[1] on node ARGV[2] leaves room ARGV[5]; grace ARGV[4] ms.
-- KEYS as in presence-arrive.lua. Returns 1 when the room must be told now. A room without users
-- or held-back departures leaves no key behind.
local n = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if n == 0 then
  return 0
end
if redis.call('HINCRBY', KEYS[2], ARGV[1], -1) <= 0 then
  redis.call('HDEL', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[7], ARGV[1])
  if redis.call('HLEN', KEYS[2]) == 0 then
    redis.call('SREM', 'sb:p:rooms:' .. ARGV[2], ARGV[5])
  end
end
if n > 1 then
  redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
  return 0
end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
local grace = tonumber(ARGV[4])
if grace <= 0 then
  if redis.call('HLEN', KEYS[1]) == 0 and redis.call('HLEN', KEYS[4]) == 0 then
    redis.call('DEL', KEYS[5])
  end
  return 1
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local departure = ARGV[5] .. '\n' .. ARGV[1] .. '\n' .. ARGV[3]
redis.call('HSET', KEYS[4], ARGV[1], departure)
redis.call('ZADD', KEYS[6], now + grace, departure)
return 0
