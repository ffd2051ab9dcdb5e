#!/usr/bin/env bash
# SLA benchmark (issue 5) on PostgreSQL: prints the Markdown section of docs/benchmarks.md and
# writes docs/bench/sla-reevaluation.png and docs/bench/sla-sweep.png (SlaScenario in bench/loadgen):
#  (a) re-evaluating N open tickets of one tenant after a rule change, three sizes;
#  (b) one sweep firing the due warnings of T tenants x M open tickets, three sizes;
# each against a plain SQL scan of the same rows in the same run.
# Usage: bench/sla.sh   (after `mvn -Pbench -DskipTests package`; PostgreSQL at 127.0.0.1:5432, user postgres)
# Sizes: KEFU_BENCH_SLA_REEVAL (10000,30000,100000), KEFU_BENCH_SLA_SWEEP (10x1000,100x1000,1000x1000).
# JVM options of the server (e.g. a flight recording): KEFU_BENCH_SLA_JAVA_OPTS; another bundle: KEFU_BENCH_SLA_BUNDLE.
# More JDBC URL parameters for the server (e.g. reWriteBatchedInserts=false): KEFU_BENCH_SLA_JDBC_PARAMS.
# Ports: KEFU_BENCH_SLA_PORT (a free one), KEFU_BENCH_SLA_HZ_PORT (6920, the data grid's start port).
set -euo pipefail
cd "$(dirname "$0")/.."
REEVAL=${KEFU_BENCH_SLA_REEVAL:-10000,30000,100000}
SWEEP=${KEFU_BENCH_SLA_SWEEP:-10x1000,100x1000,1000x1000}
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
for _ in $(seq 1 360); do
  curl -fs "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"status":"UP"' && break
  kill -0 "$pid" 2>/dev/null || { tail -30 "$work/kefu.log" >&2; exit 1; }
  sleep 0.5
done
java -jar "$bench_jar" sla url="http://127.0.0.1:$port" operator-password=bench-op-2026 jdbc="$jdbc" \
  reeval="$REEVAL" sweep="$SWEEP" out="$work/sla.md" docs=docs >&2
grep -c 'SLA sweep failed\|SEVERE' "$work/kefu.log" >&2 || true
cat "$work/sla.md"
