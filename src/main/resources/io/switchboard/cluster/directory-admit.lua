-- Admits connection ARGV[1] of the user whose directory hash is KEYS[1] on node ARGV[2], unless the
-- user already has ARGV[3] connections on live nodes. Entries of nodes whose lease (sb:node:<id>)
-- lapsed are pruned first, so a crashed node's connections stop counting once its lease is gone.
-- KEYS[2] is sb:c (connection -> node). Returns 1 when admitted, 0 when the user is full.
local entries = redis.call('HGETALL', KEYS[1])
local alive = {}
for i = 1, #entries, 2 do
  local node = entries[i + 1]
  if alive[node] == nil then
    alive[node] = redis.call('EXISTS', 'sb:node:' .. node) == 1
  end
  if not alive[node] then
    redis.call('HDEL', KEYS[1], entries[i])
    redis.call('HDEL', KEYS[2], entries[i])
  end
end
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  return 1
end
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1
