#!/usr/bin/env bash
# Builds NQBA once and runs every test suite: optimization, server on SQLite, server on PostgreSQL,
# browser (Playwright on Debian's Chromium). Ends with a summary and exits non-zero if anything failed.
#
#   scripts/test.sh                  everything (CI runs this)
#   scripts/test.sh --no-browser     skip the browser tests
#   scripts/test.sh --sqlite-only    skip the PostgreSQL run (and PostgreSQL/Redis)
#   scripts/test.sh --filter EXPR    pass a test filter to every `dotnet test`
#
# As root it installs missing system packages (chromium, postgresql, redis-server, dovecot-imapd) with apt-get.
# NQBA_SKIP_FORMAT=1 skips the `dotnet format` check. Results: artifacts/test-results/*.trx
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }

browser=1
postgres=1
filter=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --no-browser) browser=0 ;;
    --sqlite-only) postgres=0 ;;
    --filter)
      [[ $# -ge 2 ]] || { echo "test.sh: --filter needs an expression" >&2; exit 2; }
      filter=(--filter "$2")
      shift
      ;;
    -h | --help) usage; exit 0 ;;
    *) echo "test.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
chromium=${NQBA_CHROMIUM:-/usr/bin/chromium}
results=$repo/artifacts/test-results

step() { printf '\n== %s\n' "$*"; }

# --- system packages -------------------------------------------------------------------------------

have_postgres_server() {
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null
}

missing=()
if [[ $browser -eq 1 && ! -x $chromium ]]; then missing+=(chromium); fi
# The e-mail channel's tests read a real IMAP mailbox: a throwaway Dovecot (scripts/start-dovecot.sh).
[[ -x ${NQBA_DOVECOT:-/usr/sbin/dovecot} ]] || missing+=(dovecot-imapd)
if [[ $postgres -eq 1 ]]; then
  have_postgres_server || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
fi

if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ $EUID -ne 0 ]]; then
    echo "test.sh: missing system packages: ${missing[*]}" >&2
    echo "Install them (Debian/Ubuntu: sudo apt-get install -y --no-install-recommends ${missing[*]})," >&2
    echo "or skip what needs them with --no-browser / --sqlite-only." >&2
    exit 1
  fi
  command -v apt-get >/dev/null || { echo "test.sh: missing ${missing[*]} and no apt-get to install them" >&2; exit 1; }
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- throwaway database servers --------------------------------------------------------------------

NQBA_PG_DIR=''
NQBA_REDIS_DIR=''
cleanup() {
  if [[ -n $NQBA_PG_DIR ]]; then scripts/start-postgres.sh --stop "$NQBA_PG_DIR" || true; fi
  if [[ -n $NQBA_REDIS_DIR ]]; then scripts/start-redis.sh --stop "$NQBA_REDIS_DIR" || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ $postgres -eq 1 ]]; then
  step "starting PostgreSQL and Redis"
  pg_env=$(scripts/start-postgres.sh)
  eval "$pg_env"
  redis_env=$(scripts/start-redis.sh)
  eval "$redis_env"
fi

# --- build and format ------------------------------------------------------------------------------

step "dotnet tool restore"
dotnet tool restore

step "dotnet build Nqba.slnx -c Release"
if ! dotnet build Nqba.slnx -c Release; then
  echo
  echo "build failed: no tests were run"
  echo "0 passed, 1 failed"
  exit 1
fi

format=ok
if [[ ${NQBA_SKIP_FORMAT:-0} == 1 ]]; then
  format=skipped
else
  step "dotnet format --verify-no-changes"
  dotnet format Nqba.slnx --verify-no-changes --no-restore || format=failed
fi

# --- test runs -------------------------------------------------------------------------------------

rm -rf "$results"
mkdir -p "$results"
runs=()
declare -A exit_codes

# run_tests NAME PROJECT [VAR=VALUE...]: one `dotnet test` with its own trx file, never aborting the script.
run_tests() {
  local name=$1 project=$2
  shift 2
  step "tests: $name ($project${*:+, $*})"
  runs+=("$name")
  # A hung test host must not eat CI's hour; a killed run leaves no trx and counts as failed.
  if env "$@" timeout --kill-after=30s "${NQBA_TEST_TIMEOUT:-20m}" \
    dotnet test "$project" --no-build -c Release "${filter[@]}" \
    --results-directory "$results" \
    --logger "trx;LogFileName=$name.trx" \
    --logger "console;verbosity=normal"; then
    exit_codes[$name]=0
  else
    exit_codes[$name]=$?
  fi
}

run_tests optimization tests/Nqba.Optimization.Tests
run_tests trading tests/Nqba.Trading.Tests
run_tests server-sqlite tests/Nqba.Server.Tests
if [[ $postgres -eq 1 ]]; then
  run_tests server-postgres tests/Nqba.Server.Tests NQBA_TEST_DB=postgres
fi
if [[ $browser -eq 1 ]]; then
  # axe-core for the accessibility checks, from the npm registry (never committed); the tests unpack it.
  step "npm pack axe-core@4 (into artifacts/axe)"
  mkdir -p "$repo/artifacts/axe"
  if ! compgen -G "$repo/artifacts/axe/axe-core-*.tgz" >/dev/null; then
    (cd "$repo/artifacts/axe" && npm pack axe-core@4 --silent)
  fi
  run_tests browser tests/Nqba.Browser.Tests NQBA_CHROMIUM="$chromium"
fi

# --- summary ---------------------------------------------------------------------------------------

# counter FILE NAME: one attribute of the trx <Counters .../> element (0 when absent).
counter() {
  grep -o '<Counters [^>]*' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || echo 0
}

total_passed=0 total_failed=0 total_skipped=0 ok=1
step "summary"
for name in "${runs[@]}"; do
  trx=$results/$name.trx
  rc=${exit_codes[$name]}
  if [[ ! -f $trx ]]; then
    printf '%-16s no results (%s missing, dotnet test exit code %s)\n' "$name" "${trx#"$repo"/}" "$rc"
    total_failed=$((total_failed + 1))
    ok=0
    continue
  fi
  passed=$(counter "$trx" passed)
  # error, timeout and aborted are failures too, just reported differently by the runner.
  failed=$(($(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted)))
  skipped=$(($(counter "$trx" total) - $(counter "$trx" executed)))
  note=''
  if [[ $rc -ne 0 ]]; then
    note="  (dotnet test exit code $rc)"
    ok=0
  fi
  [[ $failed -eq 0 ]] || ok=0
  printf '%-16s %d passed, %d failed, %d skipped%s\n' "$name" "$passed" "$failed" "$skipped" "$note"
  # The names of the failed tests, so the last lines of a CI log say which fell.
  # With the first lines of each failure's message, since the CI log keeps only its tail.
  if command -v python3 > /dev/null; then
    python3 - "$trx" <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
# Errors outside any test (a class clean-up failure, a crashed host) fail the run with every test passed: say which.
for info in root.iterfind(".//t:RunInfos/t:RunInfo", ns):
    if info.get("outcome") == "Error":
        text = (info.findtext("t:Text", default="", namespaces=ns) or "").strip().splitlines()
        print("    run error: " + (text[0][:400] if text else "(no text)"))
for result in root.iterfind(".//t:UnitTestResult", ns):
    if result.get("outcome") != "Failed":
        continue
    print(f'    failed: "{result.get("testName")}"')
    message = result.find("t:Output/t:ErrorInfo/t:Message", ns)
    for line in ((message.text or "") if message is not None else "").strip().splitlines()[:6]:
        print("      " + line[:400])
PY
  else
    grep -o '<UnitTestResult [^>]*outcome="Failed"' "$trx" | grep -o 'testName="[^"]*"' | sed 's/^testName=/    failed: /' || true
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
done
printf '%-16s %s\n' format "$format"
[[ $format != failed ]] || ok=0

echo
line="$total_passed passed, $total_failed failed"
[[ $total_skipped -eq 0 ]] || line+=", $total_skipped skipped"
echo "$line"
[[ $ok -eq 1 ]]
