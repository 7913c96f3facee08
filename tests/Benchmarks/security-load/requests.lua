-- wrk script for security-load.sh: goes through a list of requests in turn and counts the answers
-- by status. Arguments: the list file, then (optional) how many answers each thread waits for
-- before it stops (0 or none: run for wrk's duration).
-- A line of the list: METHOD <tab> path <tab> Cookie header or "-" <tab> form body or "-".
-- wrk gives every thread its own Lua state, so each counts in its own globals; setup() keeps the
-- threads and done() adds their tables up (thread:get copies a table out of the thread's state).
local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    list = {}
    for line in io.lines(args[1]) do
        local method, path, cookie, body = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)$")
        if method then
            local headers = {}
            if cookie ~= "-" then headers["Cookie"] = cookie end
            if body == "-" then
                body = nil
            else
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                headers["Sec-Fetch-Site"] = "same-origin"
            end
            list[#list + 1] = wrk.format(method, path, headers, body)
        end
    end
    assert(#list > 0, "no requests in " .. args[1])
    limit = tonumber(args[2] or "0") or 0
    -- Threads start at different points of the list so that they do not march in step.
    i = (id * 7) % #list
    answers = 0
    statuses = {}
    attempts = {}
end

function request()
    i = i % #list + 1
    return list[i]
end

function response(status, headers, body)
    answers = answers + 1
    statuses[status] = (statuses[status] or 0) + 1
    local location = headers["Location"] or headers["location"]
    if status == 302 and location and location:find("/attempts/", 1, true) then
        attempts[location] = (attempts[location] or 0) + 1
    end
    if limit > 0 and answers >= limit then wrk.thread:stop() end
end

function done(summary, latency, requests)
    local statuses, attempts = {}, {}
    for _, thread in ipairs(threads) do
        for status, n in pairs(thread:get("statuses") or {}) do statuses[status] = (statuses[status] or 0) + n end
        for location, n in pairs(thread:get("attempts") or {}) do attempts[location] = (attempts[location] or 0) + n end
    end
    for status, n in pairs(statuses) do io.write(string.format("status %d %d\n", status, n)) end
    for location, n in pairs(attempts) do io.write(string.format("attempt %s %d\n", location, n)) end
    local e = summary.errors
    io.write(string.format("summary %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
        e.connect, e.read, e.write, e.status, e.timeout))
    io.write(string.format("latency %.0f %.0f %.0f\n", latency:percentile(50), latency:percentile(99), latency.max))
end
