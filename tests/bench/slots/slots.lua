-- wrk: "any advisor" video slots for 14-day windows at random days of the 90 seeded ones.
local base = os.time({year = 2026, month = 11, day = 23, hour = 0})
math.randomseed(4)

local function iso(t)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", t)
end

request = function()
  local from = base + math.random(0, 75) * 86400
  local path = "/api/v1/public/orgs/bench/slots?type=video&from=" .. iso(from) .. "&to=" .. iso(from + 14 * 86400)
  return wrk.format("GET", path)
end
