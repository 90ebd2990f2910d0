-- POST /api/scheduling/bookings, each request a different free slot: the bodies file (one JSON body per line,
-- prepared from the server's own slot answers, no two overlapping with their buffers) is split between the
-- threads. When a thread runs out it starts over, and those repeats are answered 409 and counted as such.
dofile(os.getenv("NQBA_WRK_DIR") .. "/report.lua")

local bodies, next = {}, 0

function prepare(args)
  local all = {}
  for line in io.lines(args[1]) do
    all[#all + 1] = line
  end
  local threadCount = tonumber(args[2])
  for k = id + 1, #all, threadCount do
    bodies[#bodies + 1] = all[k]
  end
end

function request()
  next = next % #bodies + 1
  return wrk.format("POST", "/api/scheduling/bookings", { ["Content-Type"] = "application/json" }, bodies[next])
end
