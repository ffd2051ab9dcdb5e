#!/usr/bin/env bash
# Runs every benchmark and rewrites docs/benchmarks.md (and the plots in docs/bench/) with the
# machine, the date and each figure next to a baseline measured in the same run. Not part of the
# test suite. Needs PostgreSQL (KEFU_BENCH_PG, default the local server) and pg_dump.
#
# Usage: bench/run.sh            full sizes (10k/100k/1M tickets, 1,000 tenant schemas): about an hour on 2 cores
#        KEFU_BENCH_QUICK=1 bench/run.sh   small sizes, for trying the script (minutes)
# Knobs: KEFU_BENCH_SIZES=10000,100000,1000000  KEFU_BENCH_PROVISION=10,30,100  KEFU_BENCH_UPGRADE=10,100,1000
#        KEFU_BENCH_GEN_TENANTS=5 KEFU_BENCH_GEN_TICKETS=20000 (the generator's own tenants, round the five industries)
#        KEFU_BENCH_UPGRADE_PARALLELISM=1,4 (bounds compared)  KEFU_BENCH_MEMORY_SCHEMAS=10000 (one backend's memory probe)
#        KEFU_BENCH_SLA_REEVAL=10000,30000,100000 KEFU_BENCH_SLA_SWEEP=10x1000,100x1000,1000x1000
#        KEFU_BENCH_SLA_BURST=10x1000,100x1000 (bench/sla.sh)  KEFU_BENCH_START_TENANTS=10,100,1000 (restart by tenants)
#        KEFU_BENCH_UI_AGENTS=50,100,200 KEFU_BENCH_UI_SECONDS=60 (agent workspace sessions)
#        KEFU_BENCH_UI_THINK=5000-15000 KEFU_BENCH_UI_STRESS_THINK=1000-3000 (ms between an agent's actions)
#        KEFU_BENCH_CLIENTS=8  KEFU_BENCH_SECONDS=10  KEFU_BENCH_RUNS=3 (start-up runs)  KEFU_BENCH_SKIP_BUILD=1
#        KEFU_BENCH_ONLY=rest  only the REST ticket scenario: its section lands in target/bench-parts/rest.md and
#                              docs/bench/, docs/benchmarks.md is left as it is (paste the section in by hand)
#        KEFU_BENCH_PORT=18990 (Kefu's HTTP port; its data grid starts at KEFU_BENCH_HZ_PORT=6900)
#        KEFU_BENCH_JFR=path.jfr  record a Java Flight Recorder profile of the server for the whole REST scenario
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ "${KEFU_BENCH_QUICK:-0}" = 1 ]; then
  : "${KEFU_BENCH_SIZES:=2000,10000,30000}" "${KEFU_BENCH_PROVISION:=3,6,10}" "${KEFU_BENCH_UPGRADE:=5,20,50}" "${KEFU_BENCH_START_TENANTS:=3,10,30}"
  : "${KEFU_BENCH_MEMORY_SCHEMAS:=300}" "${KEFU_BENCH_GEN_TICKETS:=2000}"
  : "${KEFU_BENCH_SECONDS:=4}" "${KEFU_BENCH_RUNS:=1}" "${KEFU_BENCH_UI_AGENTS:=10,20,40}" "${KEFU_BENCH_UI_SECONDS:=20}"
fi
sizes=${KEFU_BENCH_SIZES:-10000,100000,1000000}
provision=${KEFU_BENCH_PROVISION:-10,30,100}
upgrade=${KEFU_BENCH_UPGRADE:-10,100,1000}
start_tenants=${KEFU_BENCH_START_TENANTS:-10,100,1000}
clients=${KEFU_BENCH_CLIENTS:-8}
seconds=${KEFU_BENCH_SECONDS:-10}
pg=${KEFU_BENCH_PG:-postgresql://127.0.0.1:5432}
pg_user=${KEFU_BENCH_PG_USER:-postgres}
port=${KEFU_BENCH_PORT:-18990}
hz_port=${KEFU_BENCH_HZ_PORT:-6900}
only=${KEFU_BENCH_ONLY:-all}
jfr_opts=()
[ -n "${KEFU_BENCH_JFR:-}" ] && jfr_opts=("-XX:FlightRecorderOptions:stackdepth=1024" "-XX:StartFlightRecording=filename=$KEFU_BENCH_JFR,settings=profile,dumponexit=true")

if [ "${KEFU_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "[bench] building (mvn -Pbench -DskipTests package)" >&2
  mvn -B -q -Pbench -DskipTests package >&2
fi
bench_jar=bench/loadgen/target/kefu-bench.jar
bundle=ui/target/ROOT-microbundle.jar

work=$(mktemp -d)
# Each scenario's section is kept under target/bench-parts, so a scenario that fails late does
# not lose the ones measured before it.
parts="$root/target/bench-parts"
mkdir -p "$parts"
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

stamp=$(date -u +%Y%m%d%H%M%S)
fresh_db() { # name -> JDBC URL of a new, empty database
  psql "$pg/postgres?user=$pg_user" -qc "drop database if exists $1" -c "create database $1" >&2
  echo "jdbc:$pg/$1?user=$pg_user"
}

start_server() { # JDBC URL [extra JVM options...]: starts Kefu on it and waits until it is ready
  local db=$1; shift
  echo "[bench] starting Kefu on $db" >&2
  KEFU_DB_URL="$db" KEFU_DB_USER="$pg_user" KEFU_DATA_DIR="$work/data" KEFU_OPERATOR_PASSWORD=bench-operator-1 KEFU_DEMO=false \
    java -Xmx1g "$@" -jar "$bundle" --nocluster --port "$port" --startport "$hz_port" > "$work/kefu.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"status":"UP"' && return 0
    kill -0 "$server_pid" 2>/dev/null || { tail -30 "$work/kefu.log" >&2; exit 1; }
    sleep 0.5
  done
}
stop_server() {
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
}

# Kefu on PostgreSQL for the REST and provisioning scenarios.
rest_db=$(fresh_db "kefu_bench_rest_$stamp")
start_server "$rest_db" "${jfr_opts[@]}"

mkdir -p docs/bench
java -jar "$bench_jar" rest url="http://127.0.0.1:$port" operator-password=bench-operator-1 jdbc="$rest_db" \
  sizes="$sizes" clients="$clients" seconds="$seconds" out="$parts/rest.md" docs=docs
if [ "$only" = rest ]; then
  stop_server
  psql "$pg/postgres?user=$pg_user" -qc "drop database if exists kefu_bench_rest_$stamp" >&2 || true
  echo "wrote $parts/rest.md" >&2
  exit 0
fi
# The generator on its own: tenants round the five industries, each filled to fit its industry.
java -jar "$bench_jar" generate url="http://127.0.0.1:$port" operator-password=bench-operator-1 jdbc="$rest_db" \
  tenants="${KEFU_BENCH_GEN_TENANTS:-5}" tickets="${KEFU_BENCH_GEN_TICKETS:-20000}" out="$parts/generate.md"
java -jar "$bench_jar" provision url="http://127.0.0.1:$port" operator-password=bench-operator-1 jdbc="$rest_db" \
  provision="$provision" out="$parts/provision.md" docs=docs
# Agent sessions on a freshly started server, so that the heap the REST scenarios left behind
# (soft references a full GC clears only once they have gone idle) does not move the baseline:
# the run of 2026-12-02 07:06 measured a negative heap per agent that way. The server's PID lets
# the scenario read the live heap with jcmd. Twice: at a working pace (the goal's), then at a
# stress pace that saturates the machine.
stop_server
start_server "$rest_db"
java -jar "$bench_jar" ui url="http://127.0.0.1:$port" operator-password=bench-operator-1 pid="$server_pid" \
  agents="${KEFU_BENCH_UI_AGENTS:-50,100,200}" seconds="${KEFU_BENCH_UI_SECONDS:-60}" think="${KEFU_BENCH_UI_THINK:-5000-15000}" \
  title="agents at a working pace" plots=ui-work out="$parts/ui.md" docs=docs
java -jar "$bench_jar" ui url="http://127.0.0.1:$port" operator-password=bench-operator-1 pid="$server_pid" \
  agents="${KEFU_BENCH_UI_AGENTS:-50,100,200}" seconds="${KEFU_BENCH_UI_SECONDS:-60}" think="${KEFU_BENCH_UI_STRESS_THINK:-1000-3000}" \
  title="stress pace" plots=ui-stress out="$parts/ui-stress.md" docs=docs
stop_server

upgrade_db=$(fresh_db "kefu_bench_upgrade_$stamp")
java -jar "$bench_jar" upgrade jdbc="$upgrade_db" upgrade="$upgrade" upgrade-parallelism="${KEFU_BENCH_UPGRADE_PARALLELISM:-1,4}" \
  memory-schemas="${KEFU_BENCH_MEMORY_SCHEMAS:-10000}" out="$parts/upgrade.md" docs=docs

bench/startup.sh "${KEFU_BENCH_RUNS:-3}" > "$parts/startup.md"
start_db=$(fresh_db "kefu_bench_start_$stamp")
java -jar "$bench_jar" startup jdbc="$start_db" tenants="$start_tenants" port="$port" hz-port="$hz_port" \
  out="$parts/startup-tenants.md" docs=docs
if [ "${KEFU_BENCH_QUICK:-0}" = 1 ]; then
  : "${KEFU_BENCH_SLA_REEVAL:=1000,3000,10000}" "${KEFU_BENCH_SLA_SWEEP:=3x200,10x200,30x200}" "${KEFU_BENCH_SLA_BURST:=3x200}"
  export KEFU_BENCH_SLA_REEVAL KEFU_BENCH_SLA_SWEEP KEFU_BENCH_SLA_BURST
fi
bench/sla.sh > "$parts/sla.md"

out=docs/benchmarks.md
{
  echo "# Benchmarks"
  echo
  echo "Generated by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Every figure is paired with a"
  echo "baseline measured in the same run; compare ratios, not absolute numbers, across machines."
  [ "${KEFU_BENCH_QUICK:-0}" = 1 ] && echo && echo "**Quick run (KEFU_BENCH_QUICK=1): small sizes, not the sizes the goals name.**"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1), $(uname -sr),"
  echo "$(psql "$pg/postgres?user=$pg_user" -Atc 'select version()' | cut -d, -f1)."
  echo "Sizes: tickets $sizes; provisioning $provision; upgrade $upgrade; restart with tenants $start_tenants; $clients clients, $seconds s per measurement."
  echo
  cat "$parts/generate.md"
  cat "$parts/rest.md"
  cat "$parts/provision.md"
  cat "$parts/upgrade.md"
  cat "$parts/sla.md"
  echo
  cat "$parts/startup.md"
  echo
  cat "$parts/startup-tenants.md"
  cat "$parts/ui.md"
  cat "$parts/ui-stress.md"
  cat bench/analysis.md
} > "$out.tmp"
mv "$out.tmp" "$out"
psql "$pg/postgres?user=$pg_user" -qc "drop database if exists kefu_bench_rest_$stamp" -c "drop database if exists kefu_bench_upgrade_$stamp" \
  -c "drop database if exists kefu_bench_start_$stamp" >&2 || true
echo "wrote $out"
