#!/usr/bin/env bash
# Cold start to ready, and resident memory once ready, of the runnable bundle, against a
# baseline measured in the same run: the bare Payara Micro of the same version with nothing
# deployed (time to its first HTTP answer).
# Usage: bench/startup.sh [RUNS]   (prints a Markdown section on standard output)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
bundle=ui/target/ROOT-microbundle.jar
payara_version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
payara="$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara_version/payara-micro-$payara_version.jar"
[ -f "$bundle" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
[ -f "$payara" ] || mvn -q dependency:get -Dartifact="fish.payara.extras:payara-micro:$payara_version" >&2
port=18980
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# start_and_wait NAME URL EXPECT -- command...: prints "ms rss_mb"
start_and_wait() {
  local url=$1 expect=$2; shift 2
  local t0 pid status
  t0=$(now_ms)
  "$@" > "$work/out.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    status=$(curl -s -o "$work/body" -w '%{http_code}' "$url" 2>/dev/null || true)
    if [ "$status" != "000" ] && grep -q "$expect" "$work/body" 2>/dev/null; then
      break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "process died; see log:" >&2; tail -20 "$work/out.log" >&2; exit 1; fi
    sleep 0.1
  done
  local ms=$(( $(now_ms) - t0 ))
  sleep 2 # let start-up threads settle before reading memory
  local rss_kb
  rss_kb=$(ps -o rss= -p "$pid" | tr -d ' ')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $(( rss_kb / 1024 ))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2==1) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

declare -a base_ms base_rss first_ms first_rss again_ms again_rss
for i in $(seq 1 "$runs"); do
  read -r ms rss < <(start_and_wait "http://127.0.0.1:$port/" "" java -Xmx1g -jar "$payara" --nocluster --port "$port")
  base_ms+=("$ms"); base_rss+=("$rss")
  data="$work/data-$i"
  read -r ms rss < <(KEFU_DATA_DIR="$data" KEFU_OPERATOR_PASSWORD=bench-pw-1 start_and_wait \
    "http://127.0.0.1:$port/health/ready" '"status":"UP"' java -Xmx1g -jar "$bundle" --nocluster --port "$port")
  first_ms+=("$ms"); first_rss+=("$rss")
  read -r ms rss < <(KEFU_DATA_DIR="$data" KEFU_OPERATOR_PASSWORD=bench-pw-1 start_and_wait \
    "http://127.0.0.1:$port/health/ready" '"status":"UP"' java -Xmx1g -jar "$bundle" --nocluster --port "$port")
  again_ms+=("$ms"); again_rss+=("$rss")
done

bm=$(printf '%s\n' "${base_ms[@]}" | median); br=$(printf '%s\n' "${base_rss[@]}" | median)
fm=$(printf '%s\n' "${first_ms[@]}" | median); fr=$(printf '%s\n' "${first_rss[@]}" | median)
am=$(printf '%s\n' "${again_ms[@]}" | median); ar=$(printf '%s\n' "${again_rss[@]}" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

cat <<MD
## Start-up and resident memory (bench/startup.sh)

Median of $runs runs, \`-Xmx1g\`, embedded H2. "Ready" is the first \`/health/ready\` answering UP
(platform and tenant schemas migrated); the baseline is the bare Payara Micro $payara_version with
nothing deployed, ready at its first HTTP answer, measured in the same run.

| scenario | time to ready | × baseline | RSS when ready | × baseline |
|---|---:|---:|---:|---:|
| baseline: bare Payara Micro | $bm ms | 1.00 | $br MB | 1.00 |
| Kefu, first start (creates schemas, operator, demo tenant) | $fm ms | $(ratio "$fm" "$bm") | $fr MB | $(ratio "$fr" "$br") |
| Kefu, restart on existing data | $am ms | $(ratio "$am" "$bm") | $ar MB | $(ratio "$ar" "$br") |

Raw (ms): baseline ${base_ms[*]}; first ${first_ms[*]}; restart ${again_ms[*]}.
MD
