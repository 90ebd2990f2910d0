#!/usr/bin/env bash
# Goliath Trade through HTTP (issue 23): optimizations, a 50-point frontier, the saved backtests and a portfolio's
# time-weighted return, as a Trader, with wrk beside the same server's GET /healthz in one run. The demo prices
# (20 stocks and SPY) are seeded on first start; the price tables are cached after the first request (see
# docs/trading.md), so these are the warm figures.
#
#   dotnet build src/Nqba.Server -c Release
#   bench/trading-wrk.sh [SECONDS] [CONNECTIONS] [THREADS]      (defaults 10, 4, 2)
#
# Needs wrk, curl, python3.
set -euo pipefail
seconds=${1:-10}
connections=${2:-4}
threads=${3:-2}
source "$(dirname "$0")/wrk/server.sh"

api() { # method, path, [json body]: the answer's body; fails on a non-2xx
  curl -fsS -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${3:+-d "$3"} "$base$2"
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }

# A Trader (the admin may not trade), signed in with its initial password.
trader_password=$(api POST /api/access/users '{"email":"trader@bench.example","displayName":"Bench Trader","role":"Trader"}' | json '["initialPassword"]')
token=$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"trader@bench.example\",\"password\":\"$trader_password\"}" "$base/api/auth/token" | json '["accessToken"]')

portfolio=$(api POST /api/trading/portfolios '{"name":"Bench","cash":1000000}' | json '["id"]')
for order in XOM:2016-01-04 PFE:2016-06-01 JPM:2017-01-03 WMT:2017-06-01; do
  api POST "/api/trading/portfolios/$portfolio/orders" "{\"ticker\":\"${order%%:*}\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":500,\"date\":\"${order#*:}\"}" >/dev/null
done
api POST "/api/trading/portfolios/$portfolio/cash" '{"amount":50000,"date":"2017-03-01"}' >/dev/null
for _ in 1 2 3; do
  api POST /api/trading/backtest '{"method":"min-volatility","tickers":["AAPL","XOM","JPM","PFE","WMT"],"from":"2012-01-01"}' >/dev/null
done

optimize() { # label, body
  NQBA_BODY=$2 run "$1" post-json.lua /api/trading/optimize
}
run "GET /healthz (baseline)" get-auth.lua "/healthz"
optimize "optimize max-sharpe, 20 stocks" '{"method":"max-sharpe"}'
optimize "optimize min-volatility, 20 stocks" '{"method":"min-volatility"}'
optimize "optimize efficient-risk 0.19, 20 stocks" '{"method":"efficient-risk","target":0.19}'
optimize "optimize max-sharpe, technology at most 20 %" '{"method":"max-sharpe","sectorLimits":[{"sector":"Technology","max":0.2}]}'
optimize "optimize min-volatility, at most 5 assets (QSAI)" '{"method":"min-volatility","maxAssets":5}'
NQBA_BODY='{"points":50}' run "frontier, 50 points, 20 stocks" post-json.lua /api/trading/frontier
run "saved backtests, side by side" get-auth.lua "/api/trading/backtests"
run "portfolio performance (TWR, value at every close)" get-auth.lua "/api/trading/portfolios/$portfolio/performance"
run "page /trading/backtests (HTML)" get-auth.lua "/trading/backtests"
run "GET /healthz (baseline, again)" get-auth.lua "/healthz"

echo "machine: $(nproc) cores, $(dotnet --version) SDK; wrk -t$threads -c$connections -d${seconds}s"
echo
report
