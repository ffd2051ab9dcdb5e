#!/usr/bin/env bash
# Builds Kefu and starts it on http://localhost:${KEFU_HTTP_PORT:-8080}.
# Without KEFU_DB_URL it runs on the embedded H2 database under ${KEFU_DATA_DIR:-./data},
# with a demo tenant to log in to (see README). Stop it with Ctrl-C; data survives restarts.
set -euo pipefail
cd "$(dirname "$0")"

export KEFU_DATA_DIR="${KEFU_DATA_DIR:-$PWD/data}"
port="${KEFU_HTTP_PORT:-8080}"
bundle=ui/target/ROOT-microbundle.jar

if [ "${KEFU_SKIP_BUILD:-}" != "1" ] || [ ! -f "$bundle" ]; then
  echo "Building Kefu (mvn -DskipTests install)..."
  mvn -B -q -DskipTests install
fi

mkdir -p "$KEFU_DATA_DIR"
cluster=(--nocluster)
if [ -n "${KEFU_CLUSTER_NAME:-}" ]; then
  # Nodes with the same cluster name form one data grid (docs/operations.md).
  cluster=(--clustername "$KEFU_CLUSTER_NAME")
fi

echo "Starting Kefu on http://localhost:$port (data in $KEFU_DATA_DIR)"
# shellcheck disable=SC2086
# KEFU_MICRO_OPTS: more Payara Micro options, e.g. "--startport 6910" for a second instance on this host.
exec java ${KEFU_JAVA_OPTS:--Xmx1g} -jar "$bundle" --port "$port" "${cluster[@]}" ${KEFU_MICRO_OPTS:-}
