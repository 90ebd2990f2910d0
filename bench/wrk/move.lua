-- POST /api/pipeline/deals/{id}/stage as staff: each request moves a random deal of the list in NQBA_DEALS (one id per
-- line) to a random stage without a gate (routed, qualification, demo); a move to the stage it is in answers 200 too.
-- The bearer token is the script's first argument.
dofile(os.getenv("NQBA_WRK_DIR") .. "/report.lua")

local token, deals = nil, {}
local stages = { "routed", "qualification", "demo" }

function prepare(args)
  token = args[1]
  for line in io.lines(os.getenv("NQBA_DEALS")) do
    deals[#deals + 1] = line
  end
  math.randomseed(id + 1)
end

function request()
  local deal = deals[math.random(#deals)]
  local body = string.format('{"stage":"%s"}', stages[math.random(#stages)])
  return wrk.format("POST", "/api/pipeline/deals/" .. deal .. "/stage", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
