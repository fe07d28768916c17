-- Corrects a tokens bucket by DELTA (negative returns tokens, positive takes more, even below
-- zero), after refilling it to now. KEYS: tokens bucket. ARGV: capacity, window (µs), delta.
-- Returns the tokens available afterwards.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local capacity = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'v', 't')
local available = tonumber(state[1])
local last = tonumber(state[2])
if available == nil then
  available = capacity
else
  available = math.min(capacity, available + (now - last) * capacity / window)
end
available = math.min(capacity, available - tonumber(ARGV[3]))
redis.call('HSET', KEYS[1], 'v', tostring(available), 't', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(2 * window / 1000))
return math.floor(available)
