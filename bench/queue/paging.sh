#!/usr/bin/env bash
# Queue paging on PostgreSQL at 100,000 tickets: what a lazy grid costs per page when it asks by
# OFFSET (a plain offset/limit query) against what QueuesView asks (keyset from the cursor of the
# page before, CursorIndex), plus the count queries behind the grid's size and the queue counts.
# The SQL is what EclipseLink sends for TicketService.window/count (same WHERE, ORDER BY, LIMIT n+1).
# Usage: bench/queue/paging.sh [psql connection string]   (default: local PostgreSQL, user postgres)
# Writes a scratch schema bench_ui_queue and drops it at the end.
set -euo pipefail
PG="${1:-postgresql://postgres@127.0.0.1:5432/postgres}"
N="${N:-100000}"
RUNS="${RUNS:-7}"
S=bench_ui_queue
psql() { command psql "$PG" -X -q -v ON_ERROR_STOP=1 "$@"; }

psql <<SQL
DROP SCHEMA IF EXISTS $S CASCADE;
CREATE SCHEMA $S;
-- The ticket table's columns and indexes as db/tenant/020-tickets.xml declares them (the ones queries touch).
CREATE TABLE $S.ticket (
  id varchar(36) PRIMARY KEY, number varchar(40) NOT NULL UNIQUE, kind varchar(20) NOT NULL, status varchar(20) NOT NULL,
  priority varchar(10) NOT NULL, subject varchar(300) NOT NULL, subject_search varchar(300) NOT NULL,
  customer_id varchar(36), team_id varchar(36), assignee varchar(64), tags varchar(1000) NOT NULL DEFAULT ',',
  created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, version bigint NOT NULL DEFAULT 0);
CREATE INDEX ix_ticket_created ON $S.ticket (created_at, id);
CREATE INDEX ix_ticket_updated ON $S.ticket (updated_at, id);
CREATE INDEX ix_ticket_status ON $S.ticket (status, created_at);
CREATE INDEX ix_ticket_assignee ON $S.ticket (assignee, status);
CREATE INDEX ix_ticket_team ON $S.ticket (team_id, status);
-- 100,000 tickets over a year: 70 % open (spread over the open statuses), 40 agents, 5 teams, 8 % complaints.
INSERT INTO $S.ticket (id, number, kind, status, priority, subject, subject_search, team_id, assignee, created_at, updated_at)
SELECT md5(i::text), 'T' || lpad(i::text, 8, '0'),
       CASE WHEN i % 12 = 0 THEN 'COMPLAINT' ELSE 'SERVICE_REQUEST' END,
       (ARRAY['NEW','ASSIGNED','IN_PROGRESS','IN_PROGRESS','PENDING_CUSTOMER','REOPENED','IN_PROGRESS','RESOLVED','CLOSED','CLOSED'])[1 + i % 10],
       (ARRAY['LOW','NORMAL','NORMAL','HIGH','URGENT'])[1 + i % 5],
       '快递延误 parcel ' || i, '快递延误 parcel ' || i,
       'team-' || (i % 5), CASE WHEN i % 10 = 0 THEN NULL ELSE 'agent' || (i % 40) END,
       timestamptz '2026-01-01' + (i || ' minutes')::interval * 5,
       timestamptz '2026-01-01' + (i || ' minutes')::interval * 5 + interval '1 hour'
FROM generate_series(1, $N) i;
ANALYZE $S.ticket;
SQL

OPEN="('NEW','ASSIGNED','IN_PROGRESS','PENDING_CUSTOMER','REOPENED')"
# Median execution time (ms) of a statement over $RUNS runs, from EXPLAIN ANALYZE.
median() {
  local sql="$1" t=()
  for _ in $(seq "$RUNS"); do
    t+=("$(psql -At -c "EXPLAIN (ANALYZE, FORMAT JSON) $sql" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])')")
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'
}
# The cursor (created_at, id) of the row just before offset $1, as the previous page's nextCursor gives it.
cursor_at() {
  psql -At -F '|' -c "SELECT created_at, id FROM $S.ticket WHERE status IN $OPEN ORDER BY created_at DESC, id DESC OFFSET $(( $1 - 1 )) LIMIT 1"
}

echo "queue: all open tickets, newest first (the team and complaints queues are subsets); $N tickets, median of $RUNS runs, ms"
printf '%-10s %12s %12s %12s\n' offset OFFSET keyset-or keyset-bound
for off in 0 1000 10000 50000 69950; do
  by_offset=$(median "SELECT * FROM $S.ticket WHERE status IN $OPEN ORDER BY created_at DESC, id DESC LIMIT 51 OFFSET $off")
  if [ "$off" -eq 0 ]; then
    keyset=$by_offset
    bound=$by_offset
  else
    IFS='|' read -r at id <<<"$(cursor_at "$off")"
    # keyset-or: the condition as TicketQuery wrote it before; keyset-bound: as it writes it now.
    keyset=$(median "SELECT * FROM $S.ticket WHERE status IN $OPEN AND (created_at < '$at' OR (created_at = '$at' AND id < '$id')) ORDER BY created_at DESC, id DESC LIMIT 51")
    bound=$(median "SELECT * FROM $S.ticket WHERE status IN $OPEN AND created_at <= '$at' AND (created_at < '$at' OR (created_at = '$at' AND id < '$id')) ORDER BY created_at DESC, id DESC LIMIT 51")
  fi
  printf '%-10s %12s %12s %12s\n' "$off" "$by_offset" "$keyset" "$bound"
done
echo
echo "jump to offset 50,000 from the nearest cursor 200 rows before (keyset + OFFSET 200):"
IFS='|' read -r at id <<<"$(cursor_at 49800)"
echo "  $(median "SELECT * FROM $S.ticket WHERE status IN $OPEN AND created_at <= '$at' AND (created_at < '$at' OR (created_at = '$at' AND id < '$id')) ORDER BY created_at DESC, id DESC LIMIT 51 OFFSET 200") ms"
echo
echo "counts (grid size and the seven queue badges), ms:"
printf '  %-34s %s\n' "open (grid size of a 70k queue)" "$(median "SELECT count(*) FROM $S.ticket WHERE status IN $OPEN")"
printf '  %-34s %s\n' "mine (assignee, open)" "$(median "SELECT count(*) FROM $S.ticket WHERE status IN $OPEN AND assignee = 'agent7'")"
printf '  %-34s %s\n' "team (team in, open)" "$(median "SELECT count(*) FROM $S.ticket WHERE status IN $OPEN AND team_id IN ('team-1','team-2')")"
printf '  %-34s %s\n' "unassigned (assignee null, open)" "$(median "SELECT count(*) FROM $S.ticket WHERE status IN $OPEN AND assignee IS NULL")"
printf '  %-34s %s\n' "complaints (kind, open)" "$(median "SELECT count(*) FROM $S.ticket WHERE status IN $OPEN AND kind = 'COMPLAINT'")"
printf '  %-34s %s\n' "pending customer (status)" "$(median "SELECT count(*) FROM $S.ticket WHERE status IN ('PENDING_CUSTOMER')")"

psql -c "DROP SCHEMA $S CASCADE"
