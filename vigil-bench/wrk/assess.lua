-- wrk script for POST /api/v1/assess: every request a new eventId (so each one is assessed and stored, never
-- answered from the idempotency cache), 50 users logging in from 10 addresses, event time moving forward.
--   wrk -t2 -c32 -d30s --latency -s vigil-bench/wrk/assess.lua http://127.0.0.1:8080/api/v1/assess
-- TENANT (env) names the tenant; RUN (env) makes eventIds unique across runs (default: the start time).
local tenant = os.getenv("TENANT") or "bench"
local run = os.getenv("RUN") or tostring(os.time())
local key = os.getenv("VIGIL_API_KEY") or error("set VIGIL_API_KEY to an API key of the tenant")
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local counter = 0
local base = 1793520000 -- 2026-11-01T08:00:00Z

function request()
  counter = counter + 1
  local user = counter % 50
  local ip = "81.2.69." .. (10 + (counter + thread_id) % 10)
  local ts = os.date("!%Y-%m-%dT%H:%M:%SZ", base + counter)
  local body = string.format(
    '{"eventId":"b-%s-%d-%d","tenantId":"%s","userId":"user-%d","timestamp":"%s","outcome":"SUCCESS",' ..
    '"ip":"%s","userAgent":"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}',
    run, thread_id, counter, tenant, user, ts, ip)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("non-2xx or errors: status=%d connect=%d read=%d write=%d timeout=%d\n",
    errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
