# Sourced by the wrk benchmarks: starts the Release `nqba` on a fresh SQLite file on a free loopback port with the rate
# limits lifted and MFA off for staff, waits until it is ready, signs the admin in, and defines `run` (one wrk scenario
# into the results file) and `report` (the Markdown table with each scenario's share of /healthz).
# Sets: repo, work, base, token, NQBA_WRK_DIR. Expects: seconds, connections, threads.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
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
export NQBA_WRK_DIR="$repo/bench/wrk"

run() { # label, script, path: a 2-second warm-up, then the measured run
  local label=$1 script=$2 path=$3 line
  wrk -t"$threads" -c"$connections" -d2s -s "$NQBA_WRK_DIR/$script" "$base$path" -- "$token" >/dev/null
  line=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" -s "$NQBA_WRK_DIR/$script" "$base$path" -- "$token" | grep '^RESULT')
  echo "$label|$line" >>"$work/results.txt"
}

report() {
  python3 - "$work/results.txt" <<'PY'
import sys
rows = []
for line in open(sys.argv[1]):
    label, result = line.rstrip("\n").split("|", 1)
    rows.append((label, dict(kv.split("=") for kv in result.split()[1:])))
baseline = max(float(r["rps"]) for label, r in rows if "/healthz" in label)
print("| scenario | requests | req/s | share of /healthz | p50 ms | p90 ms | p99 ms | max ms | 2xx | 409 | other |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for label, r in rows:
    print(f"| {label} | {r['requests']} | {float(r['rps']):.0f} | {float(r['rps']) / baseline:.1%} | {r['p50']} | {r['p90']} | {r['p99']} | {r['max']} | {r['ok']} | {r['conflict']} | {r['other']} |")
PY
}
