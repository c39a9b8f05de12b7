-- Claims the nodes of KEYS[1] (sb:nodes) whose lease key sb:node:<id> is gone (it expires one lease
-- after the last renewal): each is removed here, so exactly one survivor reaps it. Returns their ids.
local claimed = {}
for _, node in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if redis.call('EXISTS', 'sb:node:' .. node) == 0 then
    redis.call('ZREM', KEYS[1], node)
    table.insert(claimed, node)
  end
end
return claimed
