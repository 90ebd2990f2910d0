#!/usr/bin/env bash
# First run, as a new user gets it: the Release build started with its embedded defaults in an empty folder (fresh
# SQLite database, demo company, generated admin password, self-signed certificate), measured from outside:
#   - seconds until /readyz answers, and the start-up log (lines, warnings, where the admin password is printed);
#   - every static asset as a browser asks for it (Accept-Encoding: gzip, br): status, bytes, content type;
#   - the log and CPU time of the idle server over IDLE seconds, and what the public status page says at the end;
#   - sign-in with a wrong password for a known and an unknown account, interleaved, N each over HTTPS:
#     median and spread per kind, and every status code (account enumeration by timing is what this checks).
#
#   dotnet build src/Nqba.Server -c Release
#   bench/first-run.sh [IDLE_SECONDS] [N]        (defaults 130, 15)
#
# The sign-in rate limit (20 a minute per IP by default) is lifted for the timing part only by a second server
# start on the same data, so the default is what the rest measures. Needs curl and python3.
set -euo pipefail
idle=${1:-130}
n=${2:-15}
repo=$(cd "$(dirname "$0")/.." && pwd)
dll="$repo/src/Nqba.Server/bin/Release/net10.0/nqba.dll"
[[ -f $dll ]] || { echo "build the server first: dotnet build src/Nqba.Server -c Release" >&2; exit 2; }

work=$(mktemp -d /tmp/nqba-first-run.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
http_port=$(free_port)
https_port=$(free_port)
server=
stop() { [[ -n $server ]] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }; server=; }
trap 'stop; rm -rf "$work"' EXIT

start() { # $1: log file; further arguments: extra environment
  local log=$1; shift
  (
    cd "$work"
    # The content root (data/ with the database, keys and certificate) is the empty folder; the static assets come
    # from the build's manifest, as under `dotnet run`.
    export "Urls=http://127.0.0.1:$http_port;https://127.0.0.1:$https_port" "$@"
    exec dotnet "$dll" --contentRoot "$work"
  ) >"$log" 2>&1 &
  server=$!
}

cp "$(dirname "$dll")/appsettings.json" "$work/"
started=$(date +%s.%N)
start "$work/first.log"
for _ in $(seq 1 1200); do curl -fsk "https://127.0.0.1:$https_port/readyz" >/dev/null 2>&1 && break; kill -0 "$server" 2>/dev/null || break; sleep 0.05; done
curl -fsk "https://127.0.0.1:$https_port/readyz" >/dev/null || { cat "$work/first.log" >&2; exit 1; }
ready=$(date +%s.%N)
sleep 1
start_lines=$(wc -l <"$work/first.log")
echo "## First start"
echo
printf 'Ready after %.1f s; %d log lines; %d warnings (warn:), %d errors (fail:/crit:); admin password on line %s.\n' \
  "$(echo "$ready - $started" | bc)" "$start_lines" "$(grep -c '^warn:' "$work/first.log" || true)" \
  "$(grep -cE '^(fail|crit):' "$work/first.log" || true)" "$(grep -n 'First start: sign in' "$work/first.log" | cut -d: -f1 | head -1)"
echo
echo "| asset | status | bytes | content type | encoding |"
echo "|---|---|---|---|---|"
for asset in app.css scheduling-calendar.css site.js support-countdown.js chat/widget.js chat/console.js lib/signalr/signalr.min.js; do
  curl -sk -o "$work/asset" -D "$work/headers" -H 'Accept-Encoding: gzip, br' "https://127.0.0.1:$https_port/$asset"
  status=$(head -1 "$work/headers" | awk '{print $2}')
  type=$(grep -i '^content-type:' "$work/headers" | cut -d' ' -f2- | tr -d '\r' || true)
  encoding=$(grep -i '^content-encoding:' "$work/headers" | cut -d' ' -f2- | tr -d '\r' || true)
  echo "| /$asset | $status | $(stat -c %s "$work/asset") | ${type:-none} | ${encoding:-identity} |"
done
echo

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pid=$server
cpu0=$(ticks "$pid")
lines0=$(wc -l <"$work/first.log")
sleep "$idle"
cpu1=$(ticks "$pid")
lines1=$(wc -l <"$work/first.log")
hz=$(getconf CLK_TCK)
echo "## Idle for $idle s after start"
echo
printf 'CPU %.2f s (%.2f %% of one core); %d new log lines; warnings in the whole log: %d.\n' \
  "$(echo "($cpu1 - $cpu0) / $hz" | bc -l)" "$(echo "($cpu1 - $cpu0) / $hz / $idle * 100" | bc -l)" \
  "$((lines1 - lines0))" "$(grep -c '^warn:' "$work/first.log" || true)"
curl -fsk "https://127.0.0.1:$https_port/api/status" | python3 -c '
import json, sys
s = json.load(sys.stdin)
comps = [(c["name"], c["state"]) for u in s.get("units", []) for c in u.get("components", [])] or [(c["name"], c["state"]) for c in s.get("components", [])]
print("Public status: overall %s; open incidents %d; components: %s." % (s.get("state") or s.get("overall"), len(s.get("incidents", s.get("openIncidents", []))), ", ".join("%s %s" % c for c in comps)))
' || echo "Public status: (could not read /api/status)"
echo
stop

# Sign-in timing: same data, rate limit lifted so every request reaches the password check.
start "$work/second.log" RateLimits__SignInPerMinute=100000
for _ in $(seq 1 1200); do curl -fsk "https://127.0.0.1:$https_port/readyz" >/dev/null 2>&1 && break; sleep 0.05; done
: >"$work/timing"
for i in $(seq 1 "$n"); do
  for who in known unknown; do
    [[ $who == known ]] && email=admin@nqba.local || email="nobody-$i@example.com"
    curl -sk -o /dev/null -w "$who %{http_code} %{time_total}\n" -H 'Content-Type: application/json' \
      -d "{\"email\":\"$email\",\"password\":\"wrong-password-$i\"}" "https://127.0.0.1:$https_port/api/auth/token" >>"$work/timing"
  done
done
echo "## Wrong password over HTTPS, $n each, interleaved"
echo
python3 - "$work/timing" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
print("| account | statuses | median ms | min ms | max ms |")
print("|---|---|---|---|---|")
for who in ("known", "unknown"):
    t = [float(r[2]) * 1000 for r in rows if r[0] == who]
    codes = sorted({r[1] for r in rows if r[0] == who})
    print("| %s | %s | %.0f | %.0f | %.0f |" % (who, ",".join(codes), statistics.median(t), min(t), max(t)))
PY
