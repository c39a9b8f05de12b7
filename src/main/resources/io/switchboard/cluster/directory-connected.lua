-- 1 when connection ARGV[1] is in KEYS[1] (sb:c) on a node whose lease is alive, else 0.
local node = redis.call('HGET', KEYS[1], ARGV[1])
if node and redis.call('EXISTS', 'sb:node:' .. node) == 1 then
  return 1
end
return 0
