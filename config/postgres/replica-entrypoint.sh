#!/bin/bash
# Entry point of the db-replica service (postgres:16, run as the postgres user): on
# the first start it copies the primary with pg_basebackup; -R writes standby.signal
# and primary_conninfo, so PostgreSQL starts as a hot standby that follows the
# primary's write-ahead log (streaming replication).
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready --quiet --host "$PRIMARY_HOST" --username replicator; do sleep 1; done
    PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup --host "$PRIMARY_HOST" \
        --username replicator --pgdata "$PGDATA" --wal-method stream --write-recovery-conf \
        --checkpoint fast --progress
    # Spelled out, so the standby never depends on what -R kept of the connection.
    echo "primary_conninfo = 'host=$PRIMARY_HOST user=replicator password=$REPLICATION_PASSWORD application_name=db-replica'" \
        >>"$PGDATA/postgresql.auto.conf"
    chmod 0700 "$PGDATA"
fi
exec docker-entrypoint.sh postgres "$@"
