-- The number of connections in the user's directory hash KEYS[1] on nodes whose lease is alive.
local entries = redis.call('HGETALL', KEYS[1])
local alive = {}
local count = 0
for i = 1, #entries, 2 do
  local node = entries[i + 1]
  if alive[node] == nil then
    alive[node] = redis.call('EXISTS', 'sb:node:' .. node) == 1
  end
  if alive[node] then
    count = count + 1
  end
end
return count
