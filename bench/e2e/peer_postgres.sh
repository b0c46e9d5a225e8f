#!/usr/bin/env bash
# The same two-word queries against PostgreSQL 15 full-text search (GIN index over
# to_tsvector('simple', title || body), ranked by ts_rank, top 10 plus the exact count), from one
# client session, on the same corpus: the peer that Khabar's search latency is compared with.
#   bench/e2e/peer_postgres.sh CORPUS.ndjson [queries]
# PostgreSQL runs as the postgres user in a temporary cluster on a Unix socket, nothing else.
set -euo pipefail
corpus=$1
queries=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
command -v /usr/lib/postgresql/15/bin/initdb >/dev/null || apt-get install -y -qq postgresql-15 >/dev/null
work=$(mktemp -d /tmp/khabar-pg-XXXXXX)
chown postgres "$work"
pg() { runuser -u postgres -- "$@"; }
pg /usr/lib/postgresql/15/bin/initdb -D "$work/db" >/dev/null
pg /usr/lib/postgresql/15/bin/pg_ctl -D "$work/db" -o "-k $work -c listen_addresses='' -c shared_buffers=1GB" -l "$work/log" start >/dev/null
trap 'pg /usr/lib/postgresql/15/bin/pg_ctl -D "$work/db" stop -m fast >/dev/null; rm -rf "$work"' EXIT
python3 - "$corpus" > "$work/load.csv" <<'PY'
import csv, json, sys
w = csv.writer(sys.stdout)
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    w.writerow([d["id"], d["title"], d["body"]])
PY
chmod a+r "$work/load.csv"
psql_() { pg psql -h "$work" -d postgres -X -q "$@"; }
start=$(date +%s.%N)
psql_ -c "CREATE TABLE articles (id text PRIMARY KEY, title text, body text);" \
      -c "\copy articles FROM '$work/load.csv' WITH (FORMAT csv)" \
      -c "ALTER TABLE articles ADD COLUMN doc tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body)) STORED;" \
      -c "CREATE INDEX articles_doc ON articles USING gin (doc);" -c "VACUUM ANALYZE articles;"
end=$(date +%s.%N)
python3 -c "print(f'postgres: loaded and indexed in {$end-$start:.1f} s')"
python3 "$here/search_latency.py" --corpus "$corpus" --queries "$queries" --emit-sql > "$work/queries.sql"
chmod a+r "$work/queries.sql"
psql_ -f "$work/queries.sql" | python3 "$here/search_latency.py" --corpus "$corpus" --read-timings
