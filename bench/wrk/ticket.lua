-- POST /api/support/tickets as staff (a phone ticket for a caller), each request a new ticket: the ticket-number
-- counter and the SLA planning are on every request's path. The bearer token is the script's first argument.
dofile(os.getenv("NQBA_WRK_DIR") .. "/report.lua")

local token, n = nil, 0

function prepare(args)
  token = args[1]
end

function request()
  n = n + 1
  local body = string.format('{"subject":"Load %d-%d","body":"Everything is slow","requesterName":"Caller","channel":"Phone"}', id, n)
  return wrk.format("POST", "/api/support/tickets", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
