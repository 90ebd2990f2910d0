#!/usr/bin/env bash
# KPIs and the executive dashboard (issue 21): GET /api/insights/kpis for a month and a quarter, one KPI's drill-down,
# and the /insights page, with wrk beside the same server's GET /healthz in one run.
#
#   dotnet build src/Nqba.Server -c Release
#   bench/insights-wrk.sh [EVENTS] [SECONDS] [CONNECTIONS] [THREADS]      (defaults 10000, 5, 4, 2)
#
# The events (leads captured and routed, deals demoed and closed, survey answers, tickets opened and solved, a
# component's state changes) are written into the event log over the last 120 days as already dispatched history, so
# no subscriber runs on them. The first request after a new event computes (its time is printed); the following ones
# are answered from the cache until the log's head moves or a minute passes. Needs wrk, curl, python3.
set -euo pipefail
events=${1:-10000}
seconds=${2:-5}
connections=${3:-4}
threads=${4:-2}
source "$(dirname "$0")/wrk/server.sh"

python3 - "$work/nqba.db" "$events" <<'PY'
import datetime, json, random, sqlite3, sys, uuid
db, count = sys.argv[1], int(sys.argv[2])
random.seed(20261207)
con = sqlite3.connect(db, timeout=60)
now = datetime.datetime.utcnow()
units = ["flyfox-ai", "sigma-select", "goliath-trade", "nqba-core"]
rows = []
iso = lambda d: d.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
def add(kind, at, payload):
    rows.append((str(uuid.uuid4()).upper(), kind, json.dumps(payload), None, at.strftime("%Y-%m-%d %H:%M:%S.%f"), at.strftime("%Y-%m-%d %H:%M:%S.%f"), 0))
g = lambda: str(uuid.uuid4())
component = g()
add("ComponentStateChanged", now - datetime.timedelta(days=121), {"componentId": component, "componentKey": "api", "componentName": "API", "from": 0, "to": 1, "reason": None, "at": iso(now - datetime.timedelta(days=121))})
while len(rows) < count:
    at = now - datetime.timedelta(minutes=random.randint(10, 120 * 24 * 60))
    lead, deal, unit = g(), g(), random.choice(units)
    add("LeadCaptured", at, {"leadId": lead, "organizationId": None, "source": 0, "capturedAt": iso(at)})
    routed = at + datetime.timedelta(minutes=random.randint(1, 30))
    add("LeadRouted", routed, {"leadId": lead, "organizationId": None, "specialistId": g(), "unitCode": unit, "reason": "bench", "method": "rules", "routedAt": iso(routed)})
    if random.random() < 0.4:
        demo = routed + datetime.timedelta(days=random.randint(1, 10))
        add("pipeline.deal-stage-changed", demo, {"dealId": deal, "organizationId": None, "leadId": lead, "fromStage": "qualification", "toStage": "demo", "by": "event", "at": iso(demo)})
        closed = demo + datetime.timedelta(days=random.randint(1, 20))
        if random.random() < 0.4:
            add("pipeline.deal-won", closed, {"dealId": deal, "organizationId": None, "leadId": lead, "ownerId": None, "unitCode": unit, "value": 5000, "currency": "USD", "at": iso(closed)})
        else:
            add("pipeline.deal-lost", closed, {"dealId": deal, "organizationId": None, "leadId": lead, "reason": "budget", "at": iso(closed)})
    ticket = g()
    add("TicketOpened", at, {"ticketId": ticket, "organizationId": None, "priority": 1, "channel": random.randint(0, 5), "at": iso(at)})
    solved = at + datetime.timedelta(hours=random.randint(1, 48))
    add("TicketSolved", solved, {"ticketId": ticket, "organizationId": None, "priority": 1, "channel": 2, "assigneeId": None, "agentResponses": random.choice([1, 1, 1, 2]), "at": iso(solved)})
    kind = random.choice(["csat", "nps"])
    add("support.survey-answered", solved, {"surveyId": g(), "organizationId": None, "ticketId": ticket, "kind": kind, "score": random.randint(3, 5) if kind == "csat" else random.randint(0, 10), "at": iso(solved)})
con.executemany('INSERT INTO platform_events ("EventId", "Type", "Payload", "OrganizationId", "OccurredAt", "DispatchedAt", "Attempts") VALUES (?, ?, ?, ?, ?, ?, ?)', rows)
con.commit()
print(f"{len(rows)} events")
PY

cold=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$base/api/insights/kpis?period=quarter")
curl -fs -H "Authorization: Bearer $token" "$base/api/insights/kpis?period=quarter" |
  python3 -c 'import json,sys; print("this quarter:", ", ".join("%s=%s" % (k["id"], k["value"]) for k in json.load(sys.stdin) if k["unavailable"] is None))'

run "GET /healthz (baseline)" get-auth.lua "/healthz"
run "API: every KPI, this month (8 months of trend)" get-auth.lua "/api/insights/kpis?period=month"
run "API: every KPI, this quarter (8 quarters of trend)" get-auth.lua "/api/insights/kpis?period=quarter"
run "API: lead response time drill-down, this quarter" get-auth.lua "/api/insights/kpis/lead-response-time/records?period=quarter"
run "page /insights (HTML, 9 tiles, 7 SVG trend charts)" get-auth.lua "/insights?period=quarter"
run "GET /healthz (baseline, again)" get-auth.lua "/healthz"

echo "machine: $(nproc) cores, $(dotnet --version) SDK; wrk -t$threads -c$connections -d${seconds}s; $events events; first (uncached) quarter computation ${cold}s"
echo
report
