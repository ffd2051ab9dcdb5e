#!/usr/bin/env bash
# SLA benchmark (issue 5) on PostgreSQL: prints the Markdown section of docs/benchmarks.md and
# writes docs/bench/sla-reevaluation.png, sla-sweep.png and sla-burst.png (SlaScenario in bench/loadgen):
#  (a) re-evaluating N open tickets of one tenant after a rule change, three sizes;
#  (b) the sweep's period over T tenants x M open tickets at a steady pace (1 % of the tenants, then every
#      tenant, with a warning due), three sizes, timed by the server's own log line of the pass;
#  (c) a burst: every warning of T x M due at once, fired by the sweep;
# each against plain SQL scans of the same rows in the same run.
# Usage: bench/sla.sh   (after `mvn -Pbench -DskipTests package`; PostgreSQL at 127.0.0.1:5432, user postgres)
# Sizes: KEFU_BENCH_SLA_REEVAL (10000,30000,100000), KEFU_BENCH_SLA_SWEEP (10x1000,100x1000,1000x1000: the steady
# periods), KEFU_BENCH_SLA_BURST (10x1000,100x1000: also every warning at once).
# JVM options of the server (e.g. a flight recording): KEFU_BENCH_SLA_JAVA_OPTS; another bundle: KEFU_BENCH_SLA_BUNDLE.
# More JDBC URL parameters for the server (e.g. reWriteBatchedInserts=false): KEFU_BENCH_SLA_JDBC_PARAMS.
# Ports: KEFU_BENCH_SLA_PORT (a free one), KEFU_BENCH_SLA_HZ_PORT (6920, the data grid's start port).
# Keep the server log (it has the sweep passes' own timings): KEFU_BENCH_SLA_KEEP_LOG=path.
set -euo pipefail
cd "$(dirname "$0")/.."
REEVAL=${KEFU_BENCH_SLA_REEVAL:-10000,30000,100000}
SWEEP=${KEFU_BENCH_SLA_SWEEP:-10x1000,100x1000,1000x1000}
# Sizes whose every warning is also made due at once (the burst; a subset of SWEEP).
BURST=${KEFU_BENCH_SLA_BURST:-10x1000,100x1000}
PG_HOST=${KEFU_BENCH_PG_HOST:-127.0.0.1}
bundle=${KEFU_BENCH_SLA_BUNDLE:-ui/target/ROOT-microbundle.jar}
bench_jar=bench/loadgen/target/kefu-bench.jar
for f in "$bundle" "$bench_jar"; do [ -f "$f" ] || { echo "build first: mvn -Pbench -DskipTests package ($f missing)" >&2; exit 1; }; done
db="kefu_bench_sla_$(date +%s)"
work=$(mktemp -d)
psql -h "$PG_HOST" -U postgres -d postgres -qAt -c "create database $db"
port=${KEFU_BENCH_SLA_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
jdbc="jdbc:postgresql://$PG_HOST:5432/$db?user=postgres${KEFU_BENCH_SLA_JDBC_PARAMS:+&$KEFU_BENCH_SLA_JDBC_PARAMS}"
java -Xmx1g ${KEFU_BENCH_SLA_JAVA_OPTS:-} -Djava.io.tmpdir="$work" -Dkefu.data.dir="$work/data" -Dkefu.demo=false -Dkefu.db.url="$jdbc" \
  -Dkefu.operator.password=bench-op-2026 -Dkefu.sla.sweep.period.seconds=1 \
  -jar "$bundle" --port "$port" --nocluster --startport "${KEFU_BENCH_SLA_HZ_PORT:-6920}" > "$work/kefu.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true;
  psql -h "$PG_HOST" -U postgres -d postgres -qAt -c "drop database if exists $db" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
[ -n "${KEFU_BENCH_SLA_KEEP_LOG:-}" ] && trap "cp $work/kefu.log $KEFU_BENCH_SLA_KEEP_LOG; cleanup" EXIT
for _ in $(seq 1 360); do
  curl -fs "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"status":"UP"' && break
  kill -0 "$pid" 2>/dev/null || { tail -30 "$work/kefu.log" >&2; exit 1; }
  sleep 0.5
done
java -jar "$bench_jar" sla url="http://127.0.0.1:$port" operator-password=bench-op-2026 jdbc="$jdbc" \
  reeval="$REEVAL" sweep="$SWEEP" burst="$BURST" log="$work/kefu.log" out="$work/sla.md" docs=docs >&2
grep -c 'SLA sweep failed\|SEVERE' "$work/kefu.log" >&2 || true
cat "$work/sla.md"
