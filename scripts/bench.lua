-- wrk script for scripts/bench: sends the session cookie from FLORIN_BENCH_COOKIE and the
-- headers a browser sends, then prints one line scripts/bench parses:
--   RESULT <p50 ms> <p95 ms> <requests/s> <non-2xx/3xx responses> <socket errors>

local cookie = os.getenv("FLORIN_BENCH_COOKIE") or ""
wrk.headers["Cookie"] = "florin_session=" .. cookie
wrk.headers["Accept"] = "text/html"
wrk.headers["Accept-Encoding"] = "gzip, br"

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format("RESULT %.2f %.2f %.1f %d %d\n",
        latency:percentile(50) / 1000,
        latency:percentile(95) / 1000,
        summary.requests / (summary.duration / 1e6),
        errors.status,
        errors.connect + errors.read + errors.write + errors.timeout))
end
