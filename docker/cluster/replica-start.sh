#!/bin/bash
# The streaming replica: on first start its data directory is a base backup of the primary
# (pg_basebackup; -R writes standby.signal and primary_conninfo), then it replays the primary's
# WAL through the replication slot and answers read-only queries.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  for attempt in $(seq 1 30); do
    if pg_basebackup -h primary -U replicator -D "$PGDATA" -X stream -R -S replica1 -c fast --no-password; then break; fi
    echo "pg_basebackup failed (attempt $attempt), retrying" >&2
    rm -rf "${PGDATA:?}"/*
    sleep 2
  done
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on
