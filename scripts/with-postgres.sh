#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: initdb in a temp folder, start on a free
# loopback port, export PGHOST/PGPORT/PGUSER/PGDATABASE and DATABASE_URL, run "$@", always stop
# and delete the cluster. Installs Debian's postgresql package first when pg_ctl is missing.
# Usage: scripts/with-postgres.sh npx vitest run test/sql
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: $0 COMMAND [ARGS…]" >&2; exit 2; }

find_bin() {
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return; }
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}
BIN="$(find_bin || true)"
if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
  echo "with-postgres: pg_ctl not found, installing Debian's postgresql" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update && apt-get install -y postgresql
  else sudo apt-get update && sudo apt-get install -y postgresql; fi
  BIN="$(find_bin)"
fi

# PostgreSQL refuses to run as root: run the server as the postgres user in a folder it owns.
AS=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  AS=(runuser -u postgres --)
fi
DIR="$(mktemp -d /tmp/with-postgres.XXXXXX)"
[ "${#AS[@]}" -eq 0 ] || chown postgres "$DIR"
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

stop() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT INT TERM

"${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U loyalty --auth=trust --encoding=UTF8 --no-locale >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off" start >/dev/null \
  || { cat "$DIR/server.log" >&2; exit 1; }

export PGHOST=127.0.0.1 PGPORT="$PORT" PGUSER=loyalty PGDATABASE=postgres
export DATABASE_URL="postgres://loyalty@127.0.0.1:$PORT/postgres"
echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on $PGHOST:$PGPORT (data in $DIR)" >&2
set +e
"$@"
STATUS=$?
set -e
exit "$STATUS"
