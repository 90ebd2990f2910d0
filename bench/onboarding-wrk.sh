#!/usr/bin/env bash
# Client onboardings (issue 20): the staff list with every onboarding's health score, one client's onboarding, the
# staff page, and recording invoices, with wrk beside the same server's GET /healthz in one run.
#
#   dotnet build src/Nqba.Server -c Release
#   bench/onboarding-wrk.sh [ONBOARDINGS] [SECONDS] [CONNECTIONS] [THREADS]      (defaults 500, 5, 4, 2)
#
# The onboardings (7 steps each, some done, some overdue) are written with SQLite; the list and the page show one page
# (25 by default, at most 100), with one Support, Access and organization-name query for the whole page.
# Needs wrk, curl, python3.
set -euo pipefail
onboardings=${1:-500}
seconds=${2:-5}
connections=${3:-4}
threads=${4:-2}
source "$(dirname "$0")/wrk/server.sh"

python3 - "$work/nqba.db" "$onboardings" "$work/organizations.txt" <<'PY'
import datetime, random, sqlite3, sys, uuid
db, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(20261207)
con = sqlite3.connect(db, timeout=60)
g = lambda: str(uuid.uuid4()).upper()
fmt = lambda d: d.strftime("%Y-%m-%d %H:%M:%S.%f")
now = datetime.datetime.utcnow()
kinds = [("Contract", 1), ("Payment", 2), ("Provisioning", 2), ("OnboardingCall", 3), ("Training", 4), ("GoLive", 4), ("SuccessMonitoring", 30)]
owners = [r[0] for r in con.execute("SELECT Id FROM platform_specialists")] or [g()]
rows, steps, organizations = [], [], []
for i in range(count):
    oid, org = g(), g()
    started = now - datetime.timedelta(hours=random.randint(1, 24 * 20))
    done = random.randint(0, 7)
    live = fmt(started + datetime.timedelta(days=4)) if done >= 6 else None
    rows.append((oid, org, g(), random.choice(owners), "nqba-core", fmt(started), live))
    for n, (kind, days) in enumerate(kinds):
        finished = n < done
        steps.append((g(), oid, kind, fmt(started + datetime.timedelta(days=days)), "Done" if finished else "Pending",
                      fmt(started + datetime.timedelta(hours=10 * (n + 1))) if finished else None, "bench" if finished else None,
                      "bench evidence" if finished else None, 0, random.choice(owners)))
    organizations.append(org)
con.executemany('INSERT INTO onboarding_onboardings ("Id", "OrganizationId", "DealId", "OwnerId", "UnitCode", "StartedAt", "LiveAt") VALUES (?, ?, ?, ?, ?, ?, ?)', rows)
con.executemany('INSERT INTO onboarding_steps ("Id", "OnboardingId", "Kind", "DueAt", "Status", "CompletedAt", "CompletedBy", "Evidence", "Version", "OwnerId") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', steps)
con.commit()
open(out, "w").write("\n".join(organizations) + "\n")
print(f"{count} onboardings, {len(steps)} steps")
PY
organization=$(head -1 "$work/organizations.txt" | tr 'A-Z' 'a-z')

run "GET /healthz (baseline)" get-auth.lua "/healthz"
run "API: one client's onboarding (steps, invoices, health)" get-auth.lua "/api/onboarding/$organization"
run "API: first page of onboardings (25, each with its health)" get-auth.lua "/api/onboarding"
run "API: a page of 100 onboardings (each with its health)" get-auth.lua "/api/onboarding?page=2&pageSize=100"
run "page /onboarding (HTML, first page of 25 with their forms)" get-auth.lua "/onboarding"
run "GET /healthz (baseline, again)" get-auth.lua "/healthz"

echo "machine: $(nproc) cores, $(dotnet --version) SDK; wrk -t$threads -c$connections -d${seconds}s; $onboardings onboardings"
echo
report
