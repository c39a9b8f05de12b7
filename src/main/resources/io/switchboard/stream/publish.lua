-- Publishes one message to a room's stream, atomically: epoch, dedup, next seq, history, fan-out.
-- KEYS: 1 meta (hash e=epoch, s=last seq), 2 history (stream, entry id = seq), 3 dedup (hash
--       key -> seq), 4 dedup order (zset key -> ms). All tagged {room}.
-- ARGV: 1 epoch to create if the stream is missing, 2 publish key ('' for none), 3 dedup window ms,
--       4 dedup capacity, 5 history count, 6 history ttl ms, 7 meta ttl ms, 8 channel,
--       9 excluded connection ('' for none), 10 frame type, 11 frame head, 12 frame tail.
-- Returns {epoch, seq, duplicate (0|1)}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local epoch = redis.call('HGET', KEYS[1], 'e')
if not epoch then
  epoch = ARGV[1]
  redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
  redis.call('HSET', KEYS[1], 'e', epoch, 's', 0)
end
local key = ARGV[2]
local window = tonumber(ARGV[3])
local capacity = tonumber(ARGV[4])
local dedup = key ~= '' and window > 0 and capacity > 0
if dedup then
  local expired = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', '(' .. (now - window))
  if #expired > 0 then
    redis.call('HDEL', KEYS[3], unpack(expired))
    redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. (now - window))
  end
  local seen = redis.call('HGET', KEYS[3], key)
  if seen then
    return {epoch, tonumber(seen), 1}
  end
end
local seq = redis.call('HINCRBY', KEYS[1], 's', 1)
local history = tonumber(ARGV[5])
if history > 0 then
  redis.call('XADD', KEYS[2], 'MAXLEN', '=', history, seq .. '-1',
    'ty', ARGV[10], 'h', ARGV[11], 'x', ARGV[12], 'ex', ARGV[9], 'ms', now)
  redis.call('PEXPIRE', KEYS[2], ARGV[6])
end
if dedup then
  redis.call('HSET', KEYS[3], key, seq)
  redis.call('ZADD', KEYS[4], now, key)
  local excess = redis.call('ZCARD', KEYS[4]) - capacity
  if excess > 0 then
    local oldest = redis.call('ZPOPMIN', KEYS[4], excess)
    for i = 1, #oldest, 2 do
      redis.call('HDEL', KEYS[3], oldest[i])
    end
  end
  redis.call('PEXPIRE', KEYS[3], window)
  redis.call('PEXPIRE', KEYS[4], window)
end
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('PUBLISH', ARGV[8], 'm\n' .. epoch .. '\n' .. seq .. '\n' .. ARGV[9] .. '\n'
  .. ARGV[10] .. '\n' .. ARGV[11] .. '\n' .. ARGV[12])
return {epoch, seq, 0}
