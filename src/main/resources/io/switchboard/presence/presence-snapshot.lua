-- A room's user count and its first ARGV[1] users in arrival order with their connection counts.
-- KEYS: [1] users, [2] order. Returns {count, user, connections, user, connections, ...}.
local out = {redis.call('HLEN', KEYS[1])}
local limit = tonumber(ARGV[1])
if limit > 0 then
  for _, user in ipairs(redis.call('ZRANGE', KEYS[2], 0, limit - 1)) do
    table.insert(out, user)
    table.insert(out, tonumber(redis.call('HGET', KEYS[1], user) or '0'))
  end
end
return out
