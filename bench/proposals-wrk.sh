#!/usr/bin/env bash
# Proposals and contract signing (issue 20): the client's signed-link page and its API (the canonical document rendered
# and hashed on every read), a version's document, the signature check (re-render, hash, audit ledger lookup), and
# staff creating proposals, with wrk beside the same server's GET /healthz in one run.
#
#   dotnet build src/Nqba.Server -c Release
#   bench/proposals-wrk.sh [SECONDS] [CONNECTIONS] [THREADS] [LINE_ITEMS]      (defaults 10, 4, 2, 20)
#
# Two of the demo company's deals (opened at start): on the first a proposal of LINE_ITEMS lines is created, sent,
# accepted and signed through the API before the runs; the second takes the created proposals. Needs wrk, curl, python3.
set -euo pipefail
seconds=${1:-10}
connections=${2:-4}
threads=${3:-2}
lines=${4:-20}
source "$(dirname "$0")/wrk/server.sh"

api() { # method, path, [json body]: the answer's body; fails on a non-2xx
  curl -fsS -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${3:+-d "$3"} "$base$2"
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }

valid_until=$(date -u -d '+30 days' +%F)
read -r signed_deal load_deal < <(api GET '/api/pipeline/deals?take=500' |
  python3 -c 'import json,sys; d=[x["id"] for x in json.load(sys.stdin) if x["stage"] not in ("won","lost")]; print(d[0], d[1])')
api PATCH "/api/pipeline/deals/$signed_deal" '{"budgetConfirmed":true,"currency":"EUR"}' >/dev/null
body=$(python3 - "$lines" "$valid_until" <<'PY'
import json, sys
n, valid = int(sys.argv[1]), sys.argv[2]
print(json.dumps({"title": "Benchmark rollout", "recipientName": "Bench Client", "recipientEmail": "client@bench.example", "language": "de",
  "lineItems": [{"description": f"Position {i}: licence, services and support for the benchmark", "quantity": i, "unitPrice": 1000 + i} for i in range(1, n + 1)],
  "discount": {"kind": "percent", "value": 7.5}, "validUntil": valid, "terms": "Zahlung innerhalb von 30 Tagen.\nLaufzeit zwölf Monate."}))
PY
)
proposal=$(api POST "/api/pipeline/deals/$signed_deal/proposals" "$body" | json '["id"]')
link=$(api POST "/api/pipeline/proposals/$proposal/send" | json '["link"]')
path=${link#"$base"}
client_token=${path#/proposals/}
client_token=${client_token%%\?*}
curl -fsS -X POST "$base/api/proposals/$client_token/accept" >/dev/null
hash=$(curl -fsS "$base/api/proposals/$client_token" | json '["documentSha256"]')
curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"fullName\":\"Bench Client\",\"consent\":true,\"documentSha256\":\"$hash\"}" \
  "$base/api/proposals/$client_token/sign" >/dev/null
api GET "/api/pipeline/proposals/$proposal/signature" | json '["documentMatches"]' | grep -qx True
export NQBA_VALID_UNTIL=$valid_until

run "GET /healthz (baseline)" get-auth.lua "/healthz"
run "client page /proposals/{token} (HTML, $lines lines, signed)" get.lua "$path"
run "client API GET /api/proposals/{token}" get.lua "/api/proposals/$client_token"
run "staff: a version's document (text)" get-auth.lua "/api/pipeline/proposals/$proposal/versions/1/document"
run "staff: the signature check" get-auth.lua "/api/pipeline/proposals/$proposal/signature"
run "staff: one proposal with its versions" get-auth.lua "/api/pipeline/proposals/$proposal"
run "staff: create a proposal (POST, 5 lines)" proposal-create.lua "/api/pipeline/deals/$load_deal/proposals"
run "GET /healthz (baseline, again)" get-auth.lua "/healthz"

echo "machine: $(nproc) cores, $(dotnet --version) SDK; wrk -t$threads -c$connections -d${seconds}s; $lines line items"
echo
report
