-- Admits one request against two token buckets (requests per window, tokens per minute), both or
-- neither, atomically on the server. Clock: the Redis server's, so every instance agrees.
-- KEYS: requests bucket, tokens bucket. ARGV: request capacity, request window (µs), token
-- capacity, token window (µs), tokens wanted. A bucket is a hash {v = available, t = time (µs)}.
-- Returns {admitted, remaining requests, remaining tokens, wait (µs), refused on tokens}.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])

local function refill(key, capacity, window)
  local state = redis.call('HMGET', key, 'v', 't')
  local available = tonumber(state[1])
  local last = tonumber(state[2])
  if available == nil then
    return capacity
  end
  local refilled = available + (now - last) * capacity / window
  if refilled > capacity then
    return capacity
  end
  return refilled
end

local request_capacity = tonumber(ARGV[1])
local request_window = tonumber(ARGV[2])
local token_capacity = tonumber(ARGV[3])
local token_window = tonumber(ARGV[4])
local wanted = tonumber(ARGV[5])

local requests = refill(KEYS[1], request_capacity, request_window)
local tokens = refill(KEYS[2], token_capacity, token_window)
local admitted = 0
local wait = 0
local on_tokens = 0
if requests < 1 then
  wait = math.ceil((1 - requests) * request_window / request_capacity)
elseif wanted > token_capacity then
  wait = token_window
  on_tokens = 1
elseif tokens < wanted then
  wait = math.ceil((wanted - tokens) * token_window / token_capacity)
  on_tokens = 1
else
  requests = requests - 1
  tokens = tokens - wanted
  admitted = 1
end
redis.call('HSET', KEYS[1], 'v', tostring(requests), 't', tostring(now))
redis.call('HSET', KEYS[2], 'v', tostring(tokens), 't', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(2 * request_window / 1000))
redis.call('PEXPIRE', KEYS[2], math.ceil(2 * token_window / 1000))
return {admitted, math.floor(requests), math.floor(tokens), wait, on_tokens}
