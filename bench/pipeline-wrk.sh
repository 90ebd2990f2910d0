#!/usr/bin/env bash
# The sales pipeline at 10,000 deals (issue 20): the deal list with filters, the figures, the board and a deal's page,
# and hand moves of random deals, with wrk beside the same server's GET /healthz in one run.
#
#   dotnet build src/Nqba.Server -c Release
#   bench/pipeline-wrk.sh [DEALS] [SECONDS] [CONNECTIONS] [THREADS]      (defaults 10000, 10, 4, 2)
#
# The demo company's leads get their deals at start (real rows through DealDesk); the others are copies of one of them
# with their own ids, units, stages, values and a stage history of 2-7 entries each, written with SQLite. Needs wrk,
# curl, python3.
set -euo pipefail
deals=${1:-10000}
seconds=${2:-10}
connections=${3:-4}
threads=${4:-2}
source "$(dirname "$0")/wrk/server.sh"

python3 - "$work/nqba.db" "$deals" "$work/deals.txt" <<'PY'
import datetime, random, sqlite3, sys, uuid
db, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(20261207)
con = sqlite3.connect(db, timeout=60)
con.row_factory = sqlite3.Row
template = dict(con.execute("SELECT * FROM pipeline_deals LIMIT 1").fetchone())
upper = template["Id"] == template["Id"].upper()
g = lambda: (lambda s: s.upper() if upper else s)(str(uuid.uuid4()))
fmt = lambda d: d.strftime("%Y-%m-%d %H:%M:%S.%f")
now = datetime.datetime.utcnow()
units = ["flyfox-ai", "sigma-select", "goliath-trade", "nqba-core"]
stages = ["Contact", "Assessed", "Routed", "Qualification", "Demo", "Proposal", "Won", "Lost"]
owners = [g() for _ in range(40)]
columns = list(template)
deal_rows, history = [], []
for i in range(count - con.execute("SELECT COUNT(*) FROM pipeline_deals").fetchone()[0]):
    row = dict(template)
    row["Id"], row["LeadId"], row["OrganizationId"] = g(), None, g()
    row["Title"] = f"Company {i}"
    row["UnitCode"] = random.choice(units)
    row["OwnerId"] = random.choice(owners)
    final = random.choices(range(8), weights=[10, 8, 14, 14, 12, 10, 16, 16])[0]
    path = [s for s in range(min(final, 5) + 1) if s == 0 or random.random() < 0.8] + ([final] if final >= 5 else [])
    path = sorted(set(path))
    created = now - datetime.timedelta(days=random.randint(1, 365))
    at, prev, last = created, None, None
    for s in path:
        stayed = (at - last).total_seconds() / 86400 if last is not None else None  # as DealDesk keeps it with the move
        history.append((g(), row["Id"], stages[prev] if prev is not None else None, stages[s], fmt(at), "bench", None, stayed))
        prev, last = s, at
        at = at + datetime.timedelta(days=random.randint(0, 10), hours=random.randint(0, 23))
    row["Stage"], row["StageEnteredAt"], row["CreatedAt"] = stages[path[-1]], fmt(last), fmt(created)
    row["ClosedAt"] = fmt(last) if path[-1] >= 6 else None
    row["LostReason"] = "price" if path[-1] == 7 else None
    row["Value"] = str(random.randint(1, 500) * 1000) if random.random() < 0.7 else None
    row["Currency"] = random.choice(["USD", "USD", "EUR", "JPY"])
    row["BudgetConfirmed"] = 1 if random.random() < 0.5 else 0
    row["Version"] = 0
    deal_rows.append(tuple(row[c] for c in columns))
con.executemany(f"INSERT INTO pipeline_deals ({', '.join(chr(34) + c + chr(34) for c in columns)}) VALUES ({', '.join('?' for _ in columns)})", deal_rows)
con.executemany('INSERT INTO pipeline_stage_changes ("Id", "DealId", "FromStage", "ToStage", "At", "By", "Reason", "FromStageDays") VALUES (?, ?, ?, ?, ?, ?, ?, ?)', history)
con.commit()
open_ids = [r[0] for r in con.execute("SELECT Id FROM pipeline_deals WHERE Stage IN ('Routed', 'Qualification', 'Demo') LIMIT 2000")]
open(out, "w").write("\n".join(open_ids) + "\n")
print(f"{con.execute('SELECT COUNT(*) FROM pipeline_deals').fetchone()[0]} deals, {con.execute('SELECT COUNT(*) FROM pipeline_stage_changes').fetchone()[0]} stage changes")
PY
export NQBA_DEALS="$work/deals.txt"
deal=$(head -1 "$work/deals.txt")

run "GET /healthz (baseline)" get-auth.lua "/healthz"
run "API: deals of one unit and stage" get-auth.lua "/api/pipeline/deals?unit=flyfox-ai&stage=demo"
run "API: one deal with its history" get-auth.lua "/api/pipeline/deals/$deal"
run "API: figures of one unit" get-auth.lua "/api/pipeline/metrics?unit=flyfox-ai"
run "API: figures of all units" get-auth.lua "/api/pipeline/metrics"
run "page /pipeline: one unit's board (HTML)" get-auth.lua "/pipeline?unit=flyfox-ai"
run "page: one deal with its timeline (HTML)" get-auth.lua "/pipeline/deals/$deal"
run "API: move a random deal (POST stage)" move.lua "/"
run "GET /healthz (baseline, again)" get-auth.lua "/healthz"

echo "machine: $(nproc) cores, $(dotnet --version) SDK; wrk -t$threads -c$connections -d${seconds}s; $deals deals"
echo
report
