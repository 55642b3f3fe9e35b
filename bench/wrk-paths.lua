-- wrk script: requests the paths of a file in turn (PATHS_FILE, one path and query per line,
-- with TEMPLATE's {} replaced by each line), each thread starting at its own place, and prints
-- one line of results: requests/s, latency percentiles and errors.
local template = os.getenv("TEMPLATE") or "{}"
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if line ~= "" then
    paths[#paths + 1] = template:gsub("{}", line)
  end
end
assert(#paths > 0, "PATHS_FILE has no paths")

local threads = 0
function setup(thread)
  thread:set("offset", threads * 61)
  threads = threads + 1
end

local i = 0
function init()
  i = (offset or 0) % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors, summary.errors.status))
end
