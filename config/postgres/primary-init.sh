#!/bin/bash
# Run once by the postgres:16 image when it creates the primary's cluster
# (/docker-entrypoint-initdb.d): the role the streaming replica connects with, and
# the pg_hba.conf line that lets it stream the write-ahead log.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator all scram-sha-256" >>"$PGDATA/pg_hba.conf"
