#!/usr/bin/env bash
# Generates migration NAME for every module context and both providers (SQLite, PostgreSQL).
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Nqba.Server -v q -nologo >/dev/null
# context : folder holding its migrations, one subfolder per provider (the namespace follows the folder)
contexts=(
  "Platform:Platform/Migrations"
  "Access:Modules/Access/Migrations"
  "Intake:Modules/Intake/Migrations"
  "Optimization:Modules/Optimization/Migrations"
  "Monitoring:Modules/Monitoring/Migrations"
  "ResidencyStore:Platform/Residency/Migrations"
  "Scheduling:Modules/Scheduling/Migrations"
  "Support:Modules/Support/Migrations"
  "SupportChat:Modules/Support/Migrations/Chat"
)
for entry in "${contexts[@]}"; do
  ctx=${entry%%:*}; dir=${entry#*:}
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
