-- Claims at most ARGV[1] departures of KEYS[1] (sb:p:departures) whose grace period is over, by
-- Redis's clock: each is removed here, so exactly one caller (one node) gets it. Returns, per
-- departure, the departure (room \n user \n connection) and the room's user count.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
local out = {}
for _, departure in ipairs(due) do
  redis.call('ZREM', KEYS[1], departure)
  local room, user = string.match(departure, '^(.-)\n(.-)\n')
  local prefix = 'sb:p:{' .. room .. '}:'
  if redis.call('HGET', prefix .. 'held', user) == departure then
    redis.call('HDEL', prefix .. 'held', user)
  end
  if redis.call('HLEN', prefix .. 'users') == 0 and redis.call('HLEN', prefix .. 'held') == 0 then
    redis.call('DEL', prefix .. 'arrivals')
  end
  table.insert(out, departure)
  table.insert(out, redis.call('HLEN', prefix .. 'users'))
end
return out
