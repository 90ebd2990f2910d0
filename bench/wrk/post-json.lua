-- POST the JSON body in NQBA_BODY to the path on wrk's command line, with the bearer token given as the script's first
-- argument: the same request every time (an optimization, a frontier, a backtest).
dofile(os.getenv("NQBA_WRK_DIR") .. "/report.lua")

local token, body

function prepare(args)
  token = args[1]
  body = os.getenv("NQBA_BODY")
end

function request()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
