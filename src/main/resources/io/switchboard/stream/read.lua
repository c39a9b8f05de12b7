-- Reads a room's stream for a join or a check: its epoch (created if missing), last seq and the
-- history within the age bound, oldest first.
-- KEYS: 1 meta, 2 history, 3 dedup, 4 dedup order (as in publish.lua).
-- ARGV: 1 epoch to create if the stream is missing, 2 max age ms (0 for none), 3 meta ttl ms.
-- Returns {epoch, seq, id1, type1, head1, tail1, except1, id2, ...}; an id is '<seq>-1'.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local epoch = redis.call('HGET', KEYS[1], 'e')
if not epoch then
  epoch = ARGV[1]
  redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
  redis.call('HSET', KEYS[1], 'e', epoch, 's', 0)
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
local out = {epoch, tonumber(redis.call('HGET', KEYS[1], 's'))}
local maxAge = tonumber(ARGV[2])
for _, entry in ipairs(redis.call('XRANGE', KEYS[2], '-', '+')) do
  local f = entry[2]
  local fields = {}
  for i = 1, #f, 2 do
    fields[f[i]] = f[i + 1]
  end
  if maxAge == 0 or now - tonumber(fields['ms']) <= maxAge then
    table.insert(out, entry[1])
    table.insert(out, fields['ty'])
    table.insert(out, fields['h'])
    table.insert(out, fields['x'])
    table.insert(out, fields['ex'])
  end
end
return out
