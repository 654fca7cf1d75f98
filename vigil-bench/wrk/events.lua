-- wrk script for POST /api/v1/events: every request a JSON-lines batch of BATCH (env, default 1000) new events of
-- 1,000 users from 50 addresses. Events per second = requests per second x BATCH.
--   BATCH=1000 wrk -t2 -c4 -d30s --latency -s vigil-bench/wrk/events.lua http://127.0.0.1:8080/api/v1/events
local tenant = os.getenv("TENANT") or "bench"
local run = os.getenv("RUN") or tostring(os.time())
local key = os.getenv("VIGIL_API_KEY") or error("set VIGIL_API_KEY to an API key of the tenant")
local batch = tonumber(os.getenv("BATCH") or "1000")
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
end

local counter = 0
local base = 1793520000 -- 2026-11-01T08:00:00Z

function request()
  local lines = {}
  for i = 1, batch do
    counter = counter + 1
    local ts = os.date("!%Y-%m-%dT%H:%M:%SZ", base + counter)
    lines[i] = string.format(
      '{"eventId":"ev-%s-%d-%d","tenantId":"%s","userId":"user-%d","timestamp":"%s","outcome":"SUCCESS",' ..
      '"ip":"81.2.%d.%d","userAgent":"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}',
      run, thread_id, counter, tenant, counter % 1000, ts, 60 + counter % 5, 10 + counter % 10)
  end
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-ndjson", ["Authorization"] = "Bearer " .. key}, table.concat(lines, "\n"))
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("batch=%d events/s=%.0f non-2xx=%d timeouts=%d\n", batch,
    summary.requests / (summary.duration / 1e6) * batch, errors.status, errors.timeout))
end
