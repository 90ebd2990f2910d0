#!/usr/bin/env bash
# Generates migration NAME for every module context and both providers (SQLite, PostgreSQL).
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Nqba.Server -v q -nologo >/dev/null
# context : folder of the module that owns it
contexts=(
  "Platform:Platform"
  "Access:Modules/Access"
  "Intake:Modules/Intake"
  "Optimization:Modules/Optimization"
  "Monitoring:Modules/Monitoring"
  "ResidencyStore:Platform/Residency"
  "Scheduling:Modules/Scheduling"
  "Support:Modules/Support"
)
for entry in "${contexts[@]}"; do
  ctx=${entry%%:*}; dir=${entry#*:}
  for provider in Sqlite Postgres; do
    ns="Nqba.Server.$(echo "$dir" | tr '/' '.').Migrations.$provider"
    echo "== $ctx / $provider"
    dotnet ef migrations add "$name" --no-build --project src/Nqba.Server \
      --context "${provider}${ctx}DbContext" --output-dir "$dir/Migrations/$provider" --namespace "$ns" >/dev/null
  done
done
# EF places a first snapshot under a folder named after the namespace; keep it beside its migrations.
if [[ -d src/Nqba.Server/Nqba/Server ]]; then
  (cd src/Nqba.Server/Nqba/Server && find . -name '*.cs' | while read -r f; do mkdir -p "../../$(dirname "$f")"; mv "$f" "../../$f"; done)
  rm -rf src/Nqba.Server/Nqba
fi
echo "migrations '$name' added"
