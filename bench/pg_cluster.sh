# Sourced by the PostgreSQL bench scripts: a private PostgreSQL cluster in a temporary folder on
# 127.0.0.1 (as the postgres user when run as root: initdb refuses root), stopped and removed at exit.
#   pg_start [-c name=value …]   starts it; sets $pg_port, $pg_cluster and $pgbin
#   db ARGS…                     psql on it as postgres (quiet, unaligned, tuples only)
# Durability is off as in the tests (fsync, synchronous_commit, full_page_writes): what is measured is
# claimtrack's work and its round trips, not this machine's disk, which five sessions share. With
# PG_DURABLE=1 the server's defaults are kept.
pg_start() {
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_cluster=$(mktemp -d /tmp/claimtrack-pg-XXXXXX)
  chmod 755 "$pg_cluster"
  pg_as=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$pg_cluster"; pg_as=(runuser -u postgres --); fi
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${pg_as[@]}" "$pgbin/initdb" -D "$pg_cluster/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
  local fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${PG_DURABLE:-0}" = 1 ] && fast=""
  "${pg_as[@]}" "$pgbin/pg_ctl" -D "$pg_cluster/data" -l "$pg_cluster/server.log" -w -t 60 \
    -o "-p $pg_port -k $pg_cluster -c listen_addresses=127.0.0.1 $fast -c max_connections=200 $*" start >/dev/null
  trap pg_stop EXIT
}

pg_stop() {
  [ -n "${pg_cluster:-}" ] || return 0
  "${pg_as[@]}" "$pgbin/pg_ctl" -D "$pg_cluster/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_cluster"
  pg_cluster=""
}

db() { "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qAt "$@"; }
