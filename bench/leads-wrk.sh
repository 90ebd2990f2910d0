#!/usr/bin/env bash
# The leads workspace at 100,000 leads (issue 19: "stays under 100 ms with 100,000 leads"): GET /api/leads/search
# and the /leads page with the workspace's common questions (newest page, a deep page, a company search, unit + tier
# sorted by score, breached responses, an exact e-mail), with wrk beside the same server's GET /healthz in one run.
#
#   dotnet build src/Nqba.Server -c Release
#   bench/leads-wrk.sh [LEADS] [SECONDS] [CONNECTIONS] [THREADS]      (defaults 100000, 10, 4, 2)
#
# One lead is captured through the API (a real encrypted contact under its organization's key); the others are
# copies of its row with their own ids, companies, units, regions, tiers, scores, times and response clocks, written
# with SQLite (capturing 100,000 leads through the API would measure capture, not the workspace). The server keeps
# running on the same file throughout. Needs wrk, curl, python3.
set -euo pipefail
leads=${1:-100000}
seconds=${2:-10}
connections=${3:-4}
threads=${4:-2}
source "$(dirname "$0")/wrk/server.sh"
curl -fs -o /dev/null -H 'Content-Type: application/json' \
  -d '{"name":"Bench Contact","email":"bench.contact@leads-bench.example","company":"Leads Bench","regionCode":"europe","language":"en"}' "$base/api/leads"

python3 - "$work/nqba.db" "$leads" <<'PY'
import datetime, random, sqlite3, sys, uuid
db, count = sys.argv[1], int(sys.argv[2])
random.seed(20261207)
con = sqlite3.connect(db, timeout=60)
con.row_factory = sqlite3.Row
template = dict(con.execute("SELECT * FROM intake_leads LIMIT 1").fetchone())
upper = template["Id"] == template["Id"].upper()
fmt = lambda d: d.strftime("%Y-%m-%d %H:%M:%S.%f")
now = datetime.datetime.utcnow()
units = ["flyfox-ai", "sigma-select", "goliath-trade", "nqba-core"]
regions = ["us-east", "us-west", "europe", "apac"]
tiers = ["Cold", "Lukewarm", "Warm", "Hot"]
sources = ["WebForm", "Email", "LiveChat", "Phone", "Referral", "Api"]
words = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Soylent", "Cyberdyne", "Wonka", "Vandelay"]
specialists = [(str(uuid.uuid4()), f"Specialist {i}") for i in range(60)]
columns = list(template)
rows = []
for i in range(count - 1):
    row = dict(template)
    ident = str(uuid.uuid4())
    row["Id"] = ident.upper() if upper else ident
    captured = now - datetime.timedelta(minutes=i * 5 + random.randint(0, 4))
    row["CapturedAt"] = fmt(captured)
    row["CompanyName"] = f"{random.choice(words)} {random.choice(words)} {i}"
    row["RegionCode"] = random.choice(regions)
    row["Source"] = random.choice(sources)
    row["ContactEmailHash"] = uuid.uuid4().hex + uuid.uuid4().hex
    if random.random() < 0.9:
        row["UnitCode"] = random.choice(units)
        row["Tier"] = random.choice(tiers)
        row["Score"] = random.randint(0, 12)
        s = random.choice(specialists)
        row["SpecialistId"], row["SpecialistName"] = (s[0].upper() if upper else s[0]), s[1]
        row["RoutedAt"] = fmt(captured + datetime.timedelta(minutes=2))
        due = captured + datetime.timedelta(minutes=30)
        row["ResponseDueAt"] = fmt(due)
        r = random.random()
        if r < 0.7:
            row["FirstTouchedAt"] = fmt(captured + datetime.timedelta(minutes=random.randint(5, 60)))
        elif r < 0.85:
            row["BreachedAt"] = fmt(due)
    rows.append(tuple(row[c] for c in columns))
con.executemany(f"INSERT INTO intake_leads ({', '.join(chr(34) + c + chr(34) for c in columns)}) VALUES ({', '.join('?' for _ in columns)})", rows)
con.commit()
print(f"{con.execute('SELECT COUNT(*) FROM intake_leads').fetchone()[0]} leads in the database")
PY

run "GET /healthz (baseline)" get-auth.lua "/healthz"
run "API: newest 50" get-auth.lua "/api/leads/search"
run "API: page 1,000 of 2,000 (newest first)" get-auth.lua "/api/leads/search?page=1000"
run "API: company search 'globex' (part, any case)" get-auth.lua "/api/leads/search?q=globex"
run "API: unit + tier, by score" get-auth.lua "/api/leads/search?unit=flyfox-ai&tier=Hot&sort=score"
run "API: breached responses, due first" get-auth.lua "/api/leads/search?response=Breached&sort=responseDue"
run "API: exact e-mail (keyed hash)" get-auth.lua "/api/leads/search?q=bench.contact%40leads-bench.example"
run "page /leads: newest 50 (HTML)" get-auth.lua "/leads"
run "page /leads: company search + region (HTML)" get-auth.lua "/leads?q=globex&region=europe"
run "GET /healthz (baseline, again)" get-auth.lua "/healthz"

echo "machine: $(nproc) cores, $(dotnet --version) SDK; wrk -t$threads -c$connections -d${seconds}s; $leads leads"
echo
report
