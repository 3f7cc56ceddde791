# The two set-up commands are `make run` and `make test`; both install what they need.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test check lint format bench browser messages clean

install: $(VENV)/.installed static/vendor/.installed

# The pinned versions of requirements-dev.lock (see "Updating dependencies" in README.md), then
# the project itself without resolving anything again.
$(VENV)/.installed: requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.lock
	$(VENV)/bin/pip install --quiet --no-deps -e .
	touch $@

static/vendor/.installed: package.json
	npm install --no-audit --no-fund --loglevel=error
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/
	touch $@

## Start the app on the embedded default: SQLite, Celery eager, demo data, logins printed,
## local settings with DEBUG on (manage.py's default settings; wsgi, asgi, Celery: production).
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	@echo "Open http://$(HOST):$(PORT)/"
	DJANGO_DEBUG=true $(PY) manage.py runserver $(HOST):$(PORT)

## Run the test suite (PostgreSQL/Redis when DATABASE_URL/REDIS_URL point to them).
test: install browser
	$(PY) -m pytest -n auto -p no:cacheprovider $(PYTEST_ARGS)

## Debian's chromium for the browser tests (skipped, with the reason, if it cannot be had).
browser:
	@bash scripts/install-browser.sh
	@bash scripts/install-fonts.sh

## Static checks: ruff, mypy, the import contracts, dead code, migrations in step with models,
## Django's system checks.
check: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy .
	$(VENV)/bin/lint-imports
	$(PY) scripts/deadcode.py
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## Speed measurements on generated data (never timed assertions in the test suite):
## the hot reads beside their floor queries, written to benchmarks/results/latest.md.
## BENCH_INITIATIVES (default 200000), BENCH_REPEAT, BENCH_DATABASE (PostgreSQL, default gcm_bench).
bench: install
	bash scripts/bench.sh

messages: install
	$(PY) manage.py makemessages -l en --ignore=node_modules --ignore=.venv

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles db.sqlite3 media
