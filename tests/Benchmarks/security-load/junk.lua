-- wrk script for security-load.sh: requests to cacheable public pages, each with a query string no
-- other request has (random letters and percent-encoded Cyrillic, up to ~100 KB). Arguments: mode
-- ("junk" or "notice"), how many answers each thread waits for before it stops, and a run number
-- that keeps addresses distinct across runs. Prints the answers by status at the end.
local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

local ascii = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"

function init(args)
    mode = args[1]
    limit = tonumber(args[2])
    run = args[3] or "0"
    math.randomseed(os.time() * 1000 + id * 7919 + tonumber(run) * 104729)
    -- A pool of random text, some of it Cyrillic as a browser would percent-encode it.
    local parts = {}
    local size = 0
    while size < 160 * 1024 do
        local piece
        if math.random() < 0.2 then
            piece = string.format("%%D0%%%02X", 0xB0 + math.random(0, 15))
        else
            local k = math.random(1, #ascii)
            piece = ascii:sub(k, k)
        end
        parts[#parts + 1] = piece
        size = size + #piece
    end
    pool = table.concat(parts)
    n = 0
    answers = 0
    statuses = {}
end

-- A distinct value: this run, thread and request number, then random text of about the given length.
local function junk(length)
    local value = string.format("r%st%dn%d-", run, id, n)
    local start = math.random(1, #pool - length - 1)
    local text = pool:sub(start, start + length - 1)
    -- Do not cut a %XX escape in half.
    text = text:gsub("%%[0-9A-F]?$", "")
    return value .. text
end

local junkPages = {
    function() return "/ru/about?x=" .. junk(100 * 1024 - 64) end,
    function() return "/ru/glossary?notice=" .. junk(math.random(8, 2000)) end,
    function() return "/kk/?utm=" .. junk(math.random(100, 20 * 1024)) end,
    function() return "/ru/courses/grassroots/urban-activist?utm_source=" .. junk(math.random(8, 200)) .. "&utm_campaign=" .. junk(math.random(8, 4000)) end,
    function() return "/ru/summaries?notice=untranslated&ref=" .. junk(math.random(8, 50 * 1024)) end,
}
local noticePages = { "/ru/?notice=", "/kk/glossary?notice=", "/ru/about?notice=", "/ru/courses?notice=", "/kk/summaries?notice=" }

function request()
    n = n + 1
    local path
    if mode == "notice" then
        path = noticePages[n % #noticePages + 1] .. junk(math.random(4, 60))
    else
        path = junkPages[n % #junkPages + 1]()
    end
    return wrk.format("GET", path)
end

function response(status, headers, body)
    answers = answers + 1
    statuses[status] = (statuses[status] or 0) + 1
    if answers >= limit then wrk.thread:stop() end
end

function done(summary, latency, requests)
    local statuses = {}
    for _, thread in ipairs(threads) do
        for status, k in pairs(thread:get("statuses") or {}) do statuses[status] = (statuses[status] or 0) + k end
    end
    for status, k in pairs(statuses) do io.write(string.format("status %d %d\n", status, k)) end
end
