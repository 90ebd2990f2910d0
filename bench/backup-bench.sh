#!/usr/bin/env bash
# Backup and restore time for a large SQLite database, through the real `nqba` CLI.
#
#   bench/backup-bench.sh [SIZE_MB]      (default 1024)
#
# Publishes nqba (Release) into a scratch folder, migrates a fresh database there, grows it to SIZE_MB with
# 4 KiB random rows (incompressible, the worst case for the backup's compression), then times
# `nqba backup now`, `backup verify`, `backup restore --yes` and `backup drill`. Baseline in the same run:
# a plain `cp` of the database file (the floor for any copy of it on this disk).
set -euo pipefail
size_mb=${1:-1024}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/nqba-backup-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet publish "$repo/src/Nqba.Server" -c Release -o "$work/app" -v q -nologo >/dev/null
cd "$work"
export Database__SeedDemoData=false Logging__LogLevel__Default=Warning
nqba() { dotnet "$work/app/nqba.dll" "$@"; }
nqba migrate >/dev/null

python3 - "$work/data/nqba.db" "$size_mb" <<'PY'
import os, sqlite3, sys
path, size_mb = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(path)
db.execute("CREATE TABLE IF NOT EXISTS bench_ballast (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)")
rows = size_mb * 256
for start in range(0, rows, 4096):
    db.executemany("INSERT INTO bench_ballast (payload) VALUES (?)", ((os.urandom(4096),) for _ in range(min(4096, rows - start))))
    db.commit()
db.close()
PY

timed() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  printf '%-16s %8.1f s\n' "$label" "$(echo "$end - $start" | bc)"
}

bytes=$(stat -c %s data/nqba.db)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "database: $((bytes / 1024 / 1024)) MiB"
timed "cp (baseline)" cp data/nqba.db "$work/copy.db"
rm -f "$work/copy.db"
timed "backup now" nqba backup now
file=$(ls -t data/backups/*.nqbak | head -1)
echo "backup file: $(( $(stat -c %s "$file") / 1024 / 1024 )) MiB"
timed "backup verify" nqba backup verify "$file"
timed "backup restore" nqba backup restore "$file" --yes
timed "backup drill" nqba backup drill
nqba backup drill | tail -1
