#!/bin/sh
# First start: initdb with the superuser, password and database from the environment, the way
# the official image does; later starts reuse the data directory as it is.
set -eu

if [ "${1:-postgres}" != "postgres" ]; then
    exec "$@"
fi

POSTGRES_USER="${POSTGRES_USER:-postgres}"
POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
AUTH_METHOD="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$AUTH_METHOD" != "trust" ]; then
        echo "error: the database is uninitialized and POSTGRES_PASSWORD is not set;" \
             "set POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust for throwaway use)" >&2
        exit 1
    fi

    pwfile="$(mktemp)"
    printf '%s\n' "${POSTGRES_PASSWORD:-}" > "$pwfile"
    initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --auth-local=trust \
        --auth-host="$AUTH_METHOD" --encoding=UTF8 ${POSTGRES_INITDB_ARGS:-} >/dev/null
    rm -f "$pwfile"
    echo "host all all all $AUTH_METHOD" >> "$PGDATA/pg_hba.conf"

    # A socket-only server for the setup, logging to a file so that "ready to accept
    # connections" reaches the container log once, from the real server.
    setup_log="$(mktemp)"
    if ! pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -l "$setup_log" -w start >/dev/null; then
        cat "$setup_log" >&2
        exit 1
    fi
    if [ "$POSTGRES_DB" != "postgres" ]; then
        psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -q \
            -c "CREATE DATABASE \"$POSTGRES_DB\";"
    fi
    for f in /docker-entrypoint-initdb.d/*; do
        case "$f" in
            *.sql) echo "running $f"; psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -q -f "$f" ;;
            *.sh) echo "running $f"; . "$f" ;;
        esac
    done
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
    rm -f "$setup_log"
    echo "PostgreSQL init process complete; ready for start up."
fi

shift || true
exec postgres -c listen_addresses='*' "$@" 2>&1
