#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for development and tests, and prints shell `export` lines.
#
#   eval "$(scripts/start-postgres.sh)"            # NQBA_PG_DIR, NQBA_PG_PORT, NQBA_POSTGRES, NQBA_TEST_POSTGRES
#   eval "$(scripts/start-postgres.sh --server)"   # also Database__Provider/Database__ConnectionString for `dotnet run`
#   scripts/start-postgres.sh --stop "$NQBA_PG_DIR"
#
# The server lives in a new temporary directory, listens on 127.0.0.1 only, on a free port, and has a
# login role `nqba` (CREATEDB, random password) owning a database `nqba`. Durability is switched off
# (fsync=off): it is for development and tests, never for data you want to keep.
# Progress goes to stderr; stdout carries only the export lines.
set -euo pipefail

marker=.nqba-postgres

log() { echo "start-postgres: $*" >&2; }
die() { log "$*"; exit 1; }

# Debian installs the server binaries outside PATH; elsewhere (Homebrew, Fedora) they are on PATH.
find_bindir() {
  if [[ -n ${NQBA_PG_BIN:-} ]]; then echo "$NQBA_PG_BIN"; return; fi
  local dir
  dir=$(printf "%s\n" /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [[ -n $dir && -x $dir/initdb ]]; then echo "$dir"; return; fi
  if command -v initdb >/dev/null; then dirname "$(command -v initdb)"; return; fi
  die "PostgreSQL server binaries not found. Install them (Debian: apt-get install postgresql) or set NQBA_PG_BIN."
}

# PostgreSQL refuses to run as root, so root runs the server binaries as the postgres user.
as_owner() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  local dir=${1:?usage: start-postgres.sh --stop DIR}
  [[ -f $dir/$marker ]] || die "$dir was not created by start-postgres.sh; not touching it."
  local bindir
  bindir=$(find_bindir)
  cd /
  if [[ -f $dir/data/postmaster.pid ]]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || log "pg_ctl stop failed; removing the directory anyway"
  fi
  rm -rf -- "$dir"
  log "stopped and removed $dir"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

random_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" || { echo "$port"; return; }
  done
}

# Global, not local: the EXIT trap reads them after start() has returned.
dir=''
started=0

start() {
  local bindir password port
  bindir=$(find_bindir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/nqba-postgres.XXXXXX")
  touch "$dir/$marker"
  # Clean up after a failed start; after a good one the caller owns the directory.
  trap '[[ $started -eq 1 ]] || stop "$dir" || true' EXIT
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' user (Debian's postgresql package creates it)"
    chown postgres: "$dir"
  fi
  cd "$dir" # the postgres user may not be able to read the caller's directory

  password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --encoding=UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  # Another process may take the port between the check and the start; try a few.
  local attempt
  for attempt in 1 2 3 4 5; do
    port=$(random_port)
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null; then
      break
    fi
    [[ $attempt -lt 5 ]] || { cat "$dir/server.log" >&2; die "PostgreSQL did not start"; }
  done

  as_owner "$bindir/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE nqba LOGIN CREATEDB PASSWORD '$password'" \
    -c "CREATE DATABASE nqba OWNER nqba" >&2

  started=1
  log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir"
  log "stop it with: scripts/start-postgres.sh --stop $dir"

  local base="Host=127.0.0.1;Port=$port;Username=nqba;Password=$password"
  echo "export NQBA_PG_DIR='$dir'"
  echo "export NQBA_PG_PORT='$port'"
  echo "export NQBA_POSTGRES='$base;Database=nqba'"
  echo "export NQBA_TEST_POSTGRES='$base;Database=postgres'"
  if [[ $server -eq 1 ]]; then
    echo "export Database__Provider='Postgres'"
    echo "export Database__ConnectionString='$base;Database=nqba'"
  fi
}

server=0
case ${1:-} in
  --stop) stop "${2:-}" ;;
  --server) server=1; start ;;
  '') start ;;
  -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown argument '$1' (use --server, --stop DIR or --help)" ;;
esac
