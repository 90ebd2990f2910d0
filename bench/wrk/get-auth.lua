-- A GET of the path on wrk's command line as a signed-in staff member: the bearer token is the script's first argument.
dofile(os.getenv("NQBA_WRK_DIR") .. "/report.lua")

local token

function prepare(args)
  token = args[1]
end

function request()
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token })
end
