-- Connection ARGV[4] of user ARGV[1] on node ARGV[2] arrives in room ARGV[3]; the room is recorded in
-- sb:p:rooms:<node>, so that survivors can take a dead node's share out. KEYS: [1] users (user -> count),
-- [2] this node's share (user -> count), [3] order (zset, arrival order), [4] held (user -> departure),
-- [5] arrival counter, [6] sb:p:departures (zset: departure -> due ms), [7] this node's connections
-- (user -> the connection that arrived last), which a departure names if the node dies.
-- Returns 1 when the room must be told (the user's first connection, no departure held back).
local n = redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
redis.call('HSET', KEYS[7], ARGV[1], ARGV[4])
redis.call('SADD', 'sb:p:rooms:' .. ARGV[2], ARGV[3])
if n > 1 then
  return 0
end
redis.call('ZADD', KEYS[3], redis.call('INCR', KEYS[5]), ARGV[1])
local held = redis.call('HGET', KEYS[4], ARGV[1])
if held then
  redis.call('HDEL', KEYS[4], ARGV[1])
  redis.call('ZREM', KEYS[6], held)
  return 0
end
return 1
