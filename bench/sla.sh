#!/usr/bin/env bash
# SLA benchmark (issue 5), on PostgreSQL, printing a Markdown section for docs/benchmarks.md:
#  (a) re-evaluating N open tickets of one tenant after a rule change (PUT of a new rule
#      version, which recomputes every open ticket's clocks with history), against plain SQL
#      over the same rows in the same run: a scan (select) and a set-based update;
#  (b) one sweep firing the due warnings of T tenants x M open tickets, against a plain SQL scan
#      of the same rows; and an idle tick (nothing due) as the agenda sees it against scanning
#      every tenant's clocks.
# Usage: bench/sla.sh   (after `mvn -DskipTests package`; PostgreSQL at 127.0.0.1:5432, user postgres)
# Sizes: KEFU_BENCH_SLA_TICKETS (100000), KEFU_BENCH_SLA_TENANTS (100), KEFU_BENCH_SLA_PER_TENANT (1000).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${KEFU_BENCH_SLA_TICKETS:-100000}
T=${KEFU_BENCH_SLA_TENANTS:-100}
M=${KEFU_BENCH_SLA_PER_TENANT:-1000}
PG_HOST=${KEFU_BENCH_PG_HOST:-127.0.0.1}
bundle=ui/target/ROOT-microbundle.jar
[ -f "$bundle" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
db="kefu_bench_sla_$(date +%s)"
work=$(mktemp -d)
psql_db() { psql -h "$PG_HOST" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Server-side time of one SQL statement in ms (psql's \timing), without the client's start-up.
sqlms() { psql -h "$PG_HOST" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt -c '\timing on' -c "$1" | awk '/^Time:/ {t=$2} END {printf "%d", t + 0.5}'; }
psql -h "$PG_HOST" -U postgres -d postgres -qAt -c "create database $db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xmx1g -Djava.io.tmpdir="$work" -Dkefu.data.dir="$work/data" -Dkefu.demo=false \
  -Dkefu.db.url="jdbc:postgresql://$PG_HOST:5432/$db?user=postgres" -Dkefu.operator.password=bench-op-2026 \
  -Dkefu.sla.sweep.period.seconds=2 -jar "$bundle" --port "$port" --nocluster > "$work/kefu.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true;
  psql -h "$PG_HOST" -U postgres -d postgres -qAt -c "drop database if exists $db" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
K="http://127.0.0.1:$port"
for _ in $(seq 1 360); do curl -fsS "$K/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
OP="operator:bench-op-2026"
provision() { curl -fsS -u "$OP" "$K/api/v1/tenants" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$1\",\"name\":\"Bench $1\",\"industry\":\"general\",\"adminUsername\":\"admin\",\"adminPassword\":\"pw-bench-2026\",\"adminEmail\":\"admin@$1.example.com\"}" >/dev/null; }
tickets_sql() { # schema, count, status
  echo "insert into $1.ticket (id, number, kind, status, priority, channel, subject, subject_search, tags, created_at, created_by, updated_at, reopen_count, last_event_seq, version)
        select md5(g::text || '$1'), 'B-' || g, 'FAULT', '$3', 'NORMAL', 'PHONE', 'bench ' || g, 'bench ' || g, ',', now() - interval '10 minutes', 'bench', now(), 0, 0, 0
        from generate_series(1, $2) g;"
}
rule() { # version label (target)
  echo "{\"name\":{\"zh-CN\":\"基准\",\"en\":\"Bench\"},\"order\":1,\"calendar\":\"24x7\",\"businessTime\":false,\"targets\":{\"resolution\":\"$1\"},\"warnAtPercent\":75}"
}

# ---- (a) one tenant, N open tickets, a rule change ----
provision bencha
psql_db -c "$(tickets_sql t_bencha "$N" IN_PROGRESS)"
psql_db -c "analyze t_bencha.ticket"
A="bencha/admin:pw-bench-2026"
t0=$(ms); curl -fsS -u "$A" -X PUT "$K/api/v1/service-standards/bench" -H 'Content-Type: application/json' -d "$(rule PT8H)" >/dev/null; t1=$(ms)
first=$((t1 - t0))
t0=$(ms); curl -fsS -u "$A" -X PUT "$K/api/v1/service-standards/bench" -H 'Content-Type: application/json' -d "$(rule PT4H)" >/dev/null; t1=$(ms)
change=$((t1 - t0))
clocks=$(psql_db -c "select count(*) from t_bencha.sla_clock where rule_version = 2")
scan=$(sqlms "select count(*), max(c.due_at) from t_bencha.ticket t join t_bencha.sla_clock c on c.ticket_id = t.id where t.status in ('NEW','ASSIGNED','IN_PROGRESS','PENDING_CUSTOMER','REOPENED')")
update=$(sqlms "update t_bencha.sla_clock c set due_at = c.started_at + interval '4 hours', updated_at = now() from t_bencha.ticket t where t.id = c.ticket_id and t.status in ('NEW','ASSIGNED','IN_PROGRESS','PENDING_CUSTOMER','REOPENED')")

# ---- (b) T tenants x M open tickets with due warnings, one sweep ----
codes=()
for i in $(seq 1 "$T"); do c=$(printf 'bsw%04d' "$i"); provision "$c"; codes+=("$c"); done
# Idle tick: nothing due anywhere. The agenda answers with one indexed query; the naive way scans every tenant.
union_idle=""
for c in "${codes[@]}"; do union_idle="$union_idle${union_idle:+ union all }select id from t_$c.sla_clock where stopped_at is null and paused_since is null and warned_at is null and warn_at <= now()"; done
for c in "${codes[@]}"; do
  psql_db -c "$(tickets_sql "t_$c" "$M" IN_PROGRESS)
    insert into t_$c.sla_clock (id, ticket_id, target, rule_code, rule_version, calendar_code, business_time, target_iso, warn_percent, cycle,
      started_at, due_at, warn_at, target_millis, paused_millis, updated_at)
      select md5(t.id || 'c'), t.id, 'RESOLUTION', 'bench', 1, '24x7', false, 'PT1H', 75, 1, now() - interval '50 minutes',
             now() + interval '10 minutes', now() + interval '1 day', 3600000, 0, now() from t_$c.ticket t;
    insert into t_$c.sla_standard (code, position, rule_version, document, updated_at) values ('bench', 1, 1, '$(rule PT1H)', now());
    insert into t_$c.sla_standard_version (id, code, rule_version, document, created_at, created_by) values (md5('$c'), 'bench', 1, '$(rule PT1H)', now(), 'bench');
    insert into kefu.sla_agenda (tenant_code, next_due_at) values ('$c', now() + interval '1 day');"
done
psql_db -c "analyze" >/dev/null
idle_agenda=$(sqlms "select tenant_code from kefu.sla_agenda where next_due_at <= now() order by next_due_at limit 1000")
idle_scan=$(sqlms "select count(*) from ($union_idle) x")
# Make every warning due now, then let the sweep (every 2 s, one node) fire them all.
psql_db -c "$(for c in "${codes[@]}"; do echo "update t_$c.sla_clock set warn_at = now() - interval '1 minute';"; done)
            update kefu.sla_agenda set next_due_at = now() - interval '1 minute' where tenant_code like 'bsw%';"
due_scan=$(sqlms "select count(*) from ($union_idle) x")
union_left=""
for c in "${codes[@]}"; do union_left="$union_left${union_left:+ union all }select 1 from t_$c.sla_clock where warned_at is null"; done
t0=$(ms)
total=$((T * M))
while true; do
  left=$(psql_db -c "select count(*) from ($union_left) x")
  [ "$left" = 0 ] && break
  sleep 1
done
t1=$(ms)
sweep=$((t1 - t0))
fired=$(psql_db -c "select count(*) from ($(for c in "${codes[@]}"; do printf '%sselect 1 from t_%s.ticket_event where type = %s' "${sep:-}" "$c" "'SLA'"; sep=' union all '; done)) x")

ratio() { python3 -c "print(f'{$1/max($2,1):.1f}')"; }
cat <<MD
## Service standards: re-evaluation and sweep (bench/sla.sh)

PostgreSQL 15 on the same machine, one Kefu node (runnable bundle, \`-Xmx1g\`), measured $(date -u '+%Y-%m-%d %H:%M UTC').
SQL baselines are server-side times (psql \`\\timing\`); Kefu's are wall-clock times of the REST call or
of the sweep, measured from outside.

(a) One tenant, $N open tickets, rule changed (\`PUT /api/v1/service-standards/bench\`, new target):
every ticket is re-matched, its clock recomputed from its start and the recompute put on its
timeline, in batches of 500 tickets per transaction.

| what | time | × plain scan | × plain update |
|---|---:|---:|---:|
| plain SQL scan of the same rows (ticket ⋈ sla_clock) | ${scan} ms | 1.0 | |
| plain SQL set-based update of the same clocks (one statement) | ${update} ms | $(ratio "$update" "$scan") | 1.0 |
| first rule: clocks started for all tickets | ${first} ms | $(ratio "$first" "$scan") | $(ratio "$first" "$update") |
| rule change: all clocks recomputed ($clocks at version 2) | ${change} ms | $(ratio "$change" "$scan") | $(ratio "$change" "$update") |

(b) $T tenants × $M open tickets ($total clocks).

| what | time | × baseline |
|---|---:|---:|
| idle tick, plain scan of every tenant's clocks for due warnings | ${idle_scan} ms | 1.0 |
| idle tick, the sweep's agenda query | ${idle_agenda} ms | $(ratio "$idle_agenda" "$idle_scan") |
| all warnings due: plain SQL scan of the due rows | ${due_scan} ms | 1.0 |
| all warnings due: the sweep fires all of them (each in its own transaction, with its timeline entry; $fired entries) | ${sweep} ms | $(ratio "$sweep" "$due_scan") |
MD
