-- Takes the share of dead node ARGV[1] out of at most ARGV[3] of its rooms (from sb:p:rooms:<node>).
-- Users left without a connection get a held-back departure due after grace ARGV[2] ms, exactly as
-- if their last connection had closed, so a user who reconnects elsewhere within it causes no
-- notice; the departure names the user's connection recorded on that node at arrival. Returns how
-- many of the node's rooms are left to reap.
local rooms_key = 'sb:p:rooms:' .. ARGV[1]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for _, room in ipairs(redis.call('SPOP', rooms_key, tonumber(ARGV[3]))) do
  local prefix = 'sb:p:{' .. room .. '}:'
  local share = prefix .. 'n:' .. ARGV[1]
  local entries = redis.call('HGETALL', share)
  local connections = prefix .. 'c:' .. ARGV[1]
  redis.call('DEL', share)
  for i = 1, #entries, 2 do
    local user = entries[i]
    local left = redis.call('HINCRBY', prefix .. 'users', user, -tonumber(entries[i + 1]))
    if left <= 0 then
      redis.call('HDEL', prefix .. 'users', user)
      redis.call('ZREM', prefix .. 'order', user)
      local departure = room .. '\n' .. user .. '\n' .. (redis.call('HGET', connections, user) or '')
      redis.call('HSET', prefix .. 'held', user, departure)
      redis.call('ZADD', 'sb:p:departures', now + tonumber(ARGV[2]), departure)
    end
  end
  redis.call('DEL', connections)
end
return redis.call('SCARD', rooms_key)
