-- wrk script: POSTs the articles of an NDJSON corpus one by one, each thread a disjoint slice,
-- and counts the statuses. Usage:
--   CORPUS=/tmp/corpus.ndjson wrk -t2 -c64 -d20s -s bench/e2e/post.lua http://127.0.0.1:8080
local corpus = os.getenv("CORPUS") or "/tmp/corpus.ndjson"
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

function init(args)
  lines = {}
  for line in io.lines(corpus) do lines[#lines + 1] = line end
  n = 0
  statuses = {}
  wrk.method = "POST"
  wrk.path = "/v1/articles"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  local line = lines[((n - 1) % #lines) + 1]
  -- A thread-unique id suffix keeps every POST a creation, never a no-op.
  local body = line:gsub('"id": "([^"]*)"', '"id": "%1-t' .. tid .. '-' .. n .. '"', 1)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do totals[k] = (totals[k] or 0) + v end
  end
  for k, v in pairs(totals) do io.write(string.format("status %d: %d\n", k, v)) end
  io.write(string.format("acknowledged/s: %.0f\n", (totals[201] or 0) / (summary.duration / 1e6)))
end
