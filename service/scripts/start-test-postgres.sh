#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the service's PostgreSQL tests and prints its JDBC URL
# on the last line of stdout. Usage (CI, as root):
#   export CAC_TEST_POSTGRES_URL="$(service/scripts/start-test-postgres.sh | tail -n 1)"
#   mvn -B -q -pl service -am verify        # PostgresServiceApiTest then runs instead of skipping
# Stop it with: su postgres -c "pg_ctl -D <data dir printed on stderr> stop"
# Env: CAC_PG_PORT (default 55432), CAC_PG_DIR (default: a new temp dir).
set -euo pipefail

PORT="${CAC_PG_PORT:-55432}"
# A server left running on the port (an earlier run on this machine) must not fail this one: take the next free port.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -z "${CAC_PG_PORT:-}" ]; then
  while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
fi

# Install the server from Debian if it is missing (needs root).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

DIR="${CAC_PG_DIR:-$(mktemp -d /tmp/cac-pg.XXXXXX)}"
mkdir -p "$DIR/data" "$DIR/socket"
# PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
RUN_AS=()
if [ "$(id -u)" = "0" ]; then
  chown -R postgres:postgres "$DIR"
  chmod 700 "$DIR"
  RUN_AS=(runuser -u postgres --)
fi

if [ ! -f "$DIR/data/PG_VERSION" ]; then
  "${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
fi
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -k $DIR/socket -c listen_addresses=127.0.0.1 -c fsync=off" start >&2

PSQL=("${RUN_AS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -d postgres -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cac') THEN CREATE ROLE cac LOGIN PASSWORD 'cac'; END IF;
END \$\$;" >&2
if ! "${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'cac_test'" | grep -q 1; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE cac_test OWNER cac" >&2
fi

echo "PostgreSQL data directory: $DIR/data (port $PORT)" >&2
echo "jdbc:postgresql://127.0.0.1:$PORT/cac_test?user=cac&password=cac"
