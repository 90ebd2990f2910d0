#!/usr/bin/env bash
# Starts a throwaway Redis server for development and tests, and prints shell `export` lines.
#
#   eval "$(scripts/start-redis.sh)"            # NQBA_REDIS_DIR, NQBA_REDIS_PORT, NQBA_TEST_REDIS (host:port)
#   scripts/start-redis.sh --stop "$NQBA_REDIS_DIR"
#
# The server lives in a new temporary directory, listens on 127.0.0.1 only, on a free port, and keeps
# nothing on disk. Progress goes to stderr; stdout carries only the export lines.
set -euo pipefail

marker=.nqba-redis

log() { echo "start-redis: $*" >&2; }
die() { log "$*"; exit 1; }

stop() {
  local dir=${1:?usage: start-redis.sh --stop DIR}
  [[ -f $dir/$marker ]] || die "$dir was not created by start-redis.sh; not touching it."
  if [[ -f $dir/redis.pid ]]; then
    local pid
    pid=$(cat "$dir/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf -- "$dir"
  log "stopped and removed $dir"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  command -v redis-server >/dev/null || die "redis-server not found. Install it (Debian: apt-get install redis-server)."
  local dir port
  dir=$(mktemp -d "${TMPDIR:-/tmp}/nqba-redis.XXXXXX")
  touch "$dir/$marker"
  for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly no \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >&2 || continue
    for _ in $(seq 50); do
      if port_in_use "$port"; then
        log "Redis on 127.0.0.1:$port, files in $dir"
        echo "export NQBA_REDIS_DIR='$dir'"
        echo "export NQBA_REDIS_PORT='$port'"
        echo "export NQBA_TEST_REDIS='127.0.0.1:$port'"
        return
      fi
      sleep 0.1
    done
  done
  cat "$dir/redis.log" >&2 2>/dev/null || true
  stop "$dir"
  die "Redis did not start"
}

case ${1:-} in
  --stop) stop "${2:-}" ;;
  '') start ;;
  -h | --help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown argument '$1' (use --stop DIR or --help)" ;;
esac
