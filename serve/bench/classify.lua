-- wrk script: POST /v1/classify with one article's JSON, read from the file named by BODY (default body.json).
-- wrk -t1 -c4 -d30s --latency -s serve/bench/classify.lua http://127.0.0.1:8080/v1/classify
local file = assert(io.open(os.getenv("BODY") or "body.json", "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

local errors = 0
function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("non-200 answers: %d; p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", errors,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
