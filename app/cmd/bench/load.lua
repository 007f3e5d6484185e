-- wrk script of the bench's load test (measureLoad, app/cmd/bench/tools.go). Its
-- arguments are the paths to ask for, in turn; every request asks for
-- brotli, as a browser does. done prints the figures as one line of JSON,
-- with the size and encoding of the last body a thread read: what one
-- response weighs when the run asks for one path only.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local paths, sent = {}, 0
encoding, body_bytes = "none", 0

function init(args)
  for i = 1, #args do paths[i] = args[i] end
end

function request()
  sent = sent + 1
  return wrk.format("GET", paths[(sent - 1) % #paths + 1], { ["Accept-Encoding"] = "br" })
end

function response(status, headers, body)
  encoding, body_bytes = headers["Content-Encoding"] or "none", #body
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"seconds":%f,"requests":%d,"bytes":%d,"errors":%d,"p50":%f,"p99":%f,"max":%f,"body":%d,"encoding":"%s"}\n',
    summary.duration / 1e6, summary.requests, summary.bytes, e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    threads[1]:get("body_bytes"), threads[1]:get("encoding")))
end
