-- POST /api/pipeline/deals/{id}/proposals as staff (the path on wrk's command line): each request creates a draft
-- proposal of 5 line items with a percent discount, valid until NQBA_VALID_UNTIL (yyyy-MM-dd). The bearer token is
-- the script's first argument.
dofile(os.getenv("NQBA_WRK_DIR") .. "/report.lua")

local token, body

function prepare(args)
  token = args[1]
  local items = {}
  for i = 1, 5 do
    items[#items + 1] = string.format('{"description":"Line item %d of the benchmark proposal","quantity":%d,"unitPrice":%d.50}', i, i, 1000 * i)
  end
  body = string.format('{"title":"Benchmark proposal","recipientName":"Bench Client","recipientEmail":"client@bench.example","language":"en","lineItems":[%s],"discount":{"kind":"percent","value":7.5},"validUntil":"%s","terms":"Payment within 30 days."}',
    table.concat(items, ","), os.getenv("NQBA_VALID_UNTIL"))
end

function request()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
