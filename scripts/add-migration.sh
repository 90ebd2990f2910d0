#!/usr/bin/env bash
# Generates migration NAME for every module context and both providers (SQLite, PostgreSQL).
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Nqba.Server -v q -nologo >/dev/null
# Every DbContext with migrations and its folder, one subfolder per provider (the namespace follows the folder), as
# the server finds them: "nqba contexts" prints "Name Folder" for each context with Sqlite and Postgres subclasses.
listed=$(dotnet run --no-build --no-launch-profile --project src/Nqba.Server -- contexts)
mapfile -t contexts <<<"$listed"
[[ ${#contexts[@]} -gt 0 && -n ${contexts[0]} ]] || { echo "nqba contexts listed no DbContext" >&2; exit 1; }
for entry in "${contexts[@]}"; do
  ctx=${entry%% *}; dir=${entry#* }
  for provider in Sqlite Postgres; do
    ns="Nqba.Server.$(echo "$dir" | tr '/' '.').$provider"
    echo "== $ctx / $provider"
    dotnet ef migrations add "$name" --no-build --project src/Nqba.Server \
      --context "${provider}${ctx}DbContext" --output-dir "$dir/$provider" --namespace "$ns" >/dev/null
  done
done
# EF places a first snapshot under a folder named after the namespace; keep it beside its migrations.
if [[ -d src/Nqba.Server/Nqba/Server ]]; then
  (cd src/Nqba.Server/Nqba/Server && find . -name '*.cs' | while read -r f; do mkdir -p "../../$(dirname "$f")"; mv "$f" "../../$f"; done)
  rm -rf src/Nqba.Server/Nqba
fi
echo "migrations '$name' added"
