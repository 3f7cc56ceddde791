#!/usr/bin/env bash
# make bench: generate the scale data set in its own PostgreSQL database and measure the hot reads.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${BENCH_DATABASE:-gcm_bench}"
HOST="${BENCH_PGHOST:-127.0.0.1}"
N="${BENCH_INITIATIVES:-200000}"
if ! psql -h "$HOST" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  psql -h "$HOST" -U postgres -qc "CREATE DATABASE $DB"
fi
export DATABASE_URL="postgres://postgres@$HOST:5432/$DB"
export DJANGO_DEBUG=false
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py bench --initiatives "$N" --repeat "${BENCH_REPEAT:-20}" \
  --output "${BENCH_OUTPUT:-benchmarks/results/latest.md}"

# A bounded load test of the public read mix: 2 gunicorn workers on 127.0.0.1, Locust headless.
if [ "${BENCH_LOAD:-1}" = "1" ]; then
  PORT="${BENCH_PORT:-8765}"
  eval "$(.venv/bin/python manage.py bench_targets)"
  export BENCH_COUNTRY BENCH_PLAN_COUNTRY BENCH_DETAIL_IDS
  DJANGO_SETTINGS_MODULE=gcm_tracker.settings.local .venv/bin/python manage.py collectstatic \
    --noinput -v0
  DJANGO_SETTINGS_MODULE=gcm_tracker.settings.local .venv/bin/gunicorn gcm_tracker.wsgi \
    --bind "127.0.0.1:$PORT" --workers 2 --timeout 60 --log-level warning &
  GUNICORN=$!
  trap 'kill $GUNICORN 2>/dev/null || true' EXIT
  for _ in $(seq 1 30); do curl -fs "http://127.0.0.1:$PORT/health/" >/dev/null && break; sleep 1; done
  mkdir -p benchmarks/results
  .venv/bin/locust -f benchmarks/locustfile.py --headless --host "http://127.0.0.1:$PORT" \
    -u "${BENCH_USERS:-20}" -r 10 -t "${BENCH_SECONDS:-30}s" --only-summary \
    --csv benchmarks/results/load 2>&1 | tail -n 30 | tee benchmarks/results/load.txt
fi
