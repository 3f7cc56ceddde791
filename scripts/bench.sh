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
