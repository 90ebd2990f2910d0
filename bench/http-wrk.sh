#!/usr/bin/env bash
# HTTP throughput and latency with wrk against a running `nqba` (Release build, fresh SQLite file, demo company):
# GET slots and POST booking (scheduling) and the public status page and its JSON (monitoring), side by side with
# the same server's trivial GET /healthz in the same run; prints a Markdown table with each endpoint's throughput
# as a share of /healthz's.
#
#   dotnet build src/Nqba.Server -c Release
#   bench/http-wrk.sh [SECONDS] [CONNECTIONS] [THREADS]      (defaults 10, 8, 2)
#
# NQBA_WRK_CLIENTS=new (default): every booking is by a new client, whose own data key is created with it (the public
# booking page's usual case); NQBA_WRK_CLIENTS=returning: all bookings by one client, whose key exists.
#
# Needs wrk (Debian: apt-get install wrk), curl and python3. The rate limits are lifted for the run (one client IP
# would otherwise be throttled to 60 bookings a minute), so the server, not the limiter, is measured.
set -euo pipefail
seconds=${1:-10}
connections=${2:-8}
threads=${3:-2}
repo=$(cd "$(dirname "$0")/.." && pwd)
dll="$repo/src/Nqba.Server/bin/Release/net10.0/nqba.dll"
[[ -f $dll ]] || { echo "build the server first: dotnet build src/Nqba.Server -c Release" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }

work=$(mktemp -d /tmp/nqba-wrk.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
password=Wrk-Bench-Admin-Password-1
(
  cd "$work"
  export Urls=$base Database__Provider=Sqlite "Database__ConnectionString=Data Source=$work/nqba.db" \
    Access__AdminPassword=$password Access__RequireMfaForStaff=false Logging__LogLevel__Default=Warning \
    RateLimits__ApiPerMinute=10000000 RateLimits__PublicFormsPerMinute=1000000 Backup__Enabled=false
  exec dotnet exec "$dll" >"$work/server.log" 2>&1
) &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -fs "$base/readyz" >/dev/null && break; kill -0 $server 2>/dev/null || break; sleep 0.1; done
curl -fs "$base/readyz" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

token=$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"admin@nqba.local\",\"password\":\"$password\"}" "$base/api/auth/token" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
curl -fs -H "Authorization: Bearer $token" "$base/api/company/specialists" >"$work/specialists.json"
from=$(date -u +%F)
week=$(date -u -d '+6 days' +%F)
month=$(date -u -d '+29 days' +%F)
window=$(date -u -d '+59 days' +%F)
specialist=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["id"])' "$work/specialists.json")

# One booking body per free slot, no two of one specialist closer than 90 minutes (30-minute meeting and both
# 15-minute buffers fit with room; at most six a day, the type's daily limit), taken from the server's own answers.
for id in $(python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(open(sys.argv[1])) if s["active"]))' "$work/specialists.json"); do
  curl -fs "$base/api/scheduling/specialists/$id/slots?type=discovery-30&from=$from&to=$window&timeZone=UTC" >"$work/slots-$id.json"
done
python3 - "$work" "${NQBA_WRK_CLIENTS:-new}" >"$work/bodies.txt" <<'PY'
import datetime, glob, json, os, sys
n = 0
returning = sys.argv[2] == "returning"
for path in sorted(glob.glob(os.path.join(sys.argv[1], "slots-*.json"))):
    specialist = path.rsplit("slots-", 1)[1][:-5]
    last = None
    for slot in json.load(open(path))["slots"]:
        start = datetime.datetime.fromisoformat(slot["start"])
        if last is None or start - last >= datetime.timedelta(minutes=90):
            last = start
            n += 1
            print(json.dumps({"meetingType": "discovery-30", "start": slot["start"], "specialistId": specialist,
                              "name": f"Wrk Bench {n}", "email": "wrk-bench@example.test" if returning else f"wrk-bench-{n}@example.test",
                              "timeZone": "Europe/Berlin"}))
PY
# A collective (all-hosts) 60-minute type for the unit's "everyone together" slots (issue 16).
curl -fs -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"code":"panel-60","name":"Panel call","durationMinutes":60,"assignment":"Collective"}' "$base/api/scheduling/meeting-types" || true
export NQBA_WRK_DIR="$repo/bench/wrk"
head -n 200 "$work/bodies.txt" >"$work/warm-up.txt"
tail -n +201 "$work/bodies.txt" >"$work/measured.txt"
run() { # label, script, path, [script args...]; a booking run warms up on its own slots, then books the others
  local label=$1 script=$2 path=$3; shift 3
  local warm=("$@") measured=("$@") clients=${NQBA_WRK_RUN_CONNECTIONS:-$connections}
  if [[ $script == booking.lua ]]; then warm=("$work/warm-up.txt" "$threads"); measured=("$work/measured.txt" "$threads"); fi
  wrk -t"$threads" -c"$clients" -d2s -s "$NQBA_WRK_DIR/$script" "$base$path" -- "${warm[@]}" >/dev/null
  local line
  line=$(wrk -t"$threads" -c"$clients" -d"${seconds}s" -s "$NQBA_WRK_DIR/$script" "$base$path" -- "${measured[@]}" | grep '^RESULT')
  echo "$label|$line" >>"$work/results.txt"
}
run "GET /healthz (baseline)" get.lua /healthz
run "GET slots, one specialist, 7 days" get.lua "/api/scheduling/specialists/$specialist/slots?type=discovery-30&from=$from&to=$week&timeZone=America/New_York"
run "GET slots, one specialist, 30 days" get.lua "/api/scheduling/specialists/$specialist/slots?type=discovery-30&from=$from&to=$month&timeZone=America/New_York"
run "GET slots, unit flyfox-ai, 7 days" get.lua "/api/scheduling/units/flyfox-ai/slots?type=discovery-30&from=$from&to=$week&timeZone=America/New_York"
run "GET slots, unit flyfox-ai, 7 days, collective type" get.lua "/api/scheduling/units/flyfox-ai/slots?type=panel-60&from=$from&to=$week&timeZone=America/New_York"
run "POST booking (new slot each time, ${NQBA_WRK_CLIENTS:-new} client)" booking.lua /
run "GET /api/status (public status JSON, 90-day bars)" get.lua /api/status
run "GET /status (public status page, HTML)" get.lua /status
# Issue 18: 32 staff opening tickets at once (numbers from one counter row, never retried on a collision).
NQBA_WRK_RUN_CONNECTIONS=32 run "POST ticket, 32 concurrent creators" ticket.lua / "$token"
run "GET /healthz (baseline, again)" get.lua /healthz

echo "server log: $(grep -c '^fail:' "$work/server.log" || true) 'fail' entries during the run (a ticket-number collision logged two each)"
echo "machine: $(nproc) cores, $(dotnet --version) SDK; wrk -t$threads -c$connections -d${seconds}s; $(wc -l <"$work/bodies.txt") distinct free slots prepared (200 for the booking warm-up)"
echo
python3 - "$work/results.txt" <<'PY'
import sys
rows = []
for line in open(sys.argv[1]):
    label, result = line.rstrip("\n").split("|", 1)
    rows.append((label, dict(kv.split("=") for kv in result.split()[1:])))
# The trivial endpoint runs first and last; the faster of the two (the warmed-up server) is the baseline.
baseline = max(float(r["rps"]) for label, r in rows if "/healthz" in label)
print("| scenario | requests | req/s | share of /healthz | p50 ms | p90 ms | p99 ms | max ms | 2xx | 409 | other |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for label, r in rows:
    print(f"| {label} | {r['requests']} | {float(r['rps']):.0f} | {float(r['rps']) / baseline:.1%} | {r['p50']} | {r['p90']} | {r['p99']} | {r['max']} | {r['ok']} | {r['conflict']} | {r['other']} |")
PY
