# The two commands that matter: `make run` and `make test`. See README.md.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
HOST ?= 127.0.0.1
PORT ?= 8000
# Development defaults; a real deployment sets its own environment (see .env.example).
DEV_ENV := DEBUG=true
# `make run`: the whole app on this machine as a user sees it, with DEBUG off (the
# Vietnamese error pages), no HTTPS (a local address), a secret key made once in var/,
# SQLite and a folder as the task queue, links built from this address.
RUN_ENV = DEBUG=false SECRET_KEY="$$(cat var/secret_key)" \
	ALLOWED_HOSTS=$(HOST),localhost,127.0.0.1 CSRF_TRUSTED_ORIGINS=http://$(HOST):$(PORT) \
	SECURE_SSL_REDIRECT=false SECURE_COOKIES=false SECURE_HSTS_SECONDS=0 \
	SECURE_HSTS_INCLUDE_SUBDOMAINS=false SECURE_HSTS_PRELOAD=false \
	LOCAL_BROKER_DIR=$(CURDIR)/var/broker SITE_URL=http://$(HOST):$(PORT)
PYTEST_ARGS ?=
# Test processes (pytest-xdist): the suite is independent per process, each with its own
# test database; `make test PYTEST_WORKERS=0` runs it in one process.
PYTEST_WORKERS ?= 2

.PHONY: run dev test e2e lint format worker bench bench-scale bench-load migrate seed check-system install clean-venv

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
		{ echo "Cần Python 3.11 trở lên (đang có: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(VENV)/.installed .env

# A development checkout gets a .env with DEBUG=true, so plain `manage.py ...` works
# here. It is never committed (.gitignore); a server sets its own environment.
.env:
	@printf '%s\n' '# Development checkout (made by make). Delete on a server.' 'DEBUG=true' > .env

check-system: install
	@$(PY) -c 'import weasyprint' 2>/dev/null || { \
		echo "Thiếu thư viện hệ thống của WeasyPrint (Pango, HarfBuzz) để in PDF."; \
		echo "Trên Debian/Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"; \
		exit 1; }

migrate: install
	$(DEV_ENV) $(PY) manage.py migrate --noinput

seed: migrate
	$(DEV_ENV) $(PY) manage.py seed_demo

var/secret_key:
	@mkdir -p var
	@$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@chmod 600 $@

# The web server, a Celery worker and beat, started together and stopped together
# (Ctrl-C). Another port: `make run PORT=8080`.
run: check-system seed var/secret_key
	@$(RUN_ENV) $(PY) manage.py collectstatic --noinput -v 0
	@echo "Mở http://$(HOST):$(PORT) và đăng nhập bằng một tài khoản ở trên."
	$(RUN_ENV) $(PY) manage.py runlocal --host $(HOST) --port $(PORT)

# The development server with DEBUG on and tasks run in-process (for programmers).
dev: check-system seed
	$(DEV_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

test: check-system
	$(DEV_ENV) $(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The house's checks, as CI runs them: ruff (rules and format), the import contracts
# (import-linter, pyproject.toml) and mypy with django-stubs on the kernel, roles, rules
# and services.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(DEV_ENV) $(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

worker: install
	@test -n "$$REDIS_URL" || { echo "Đặt REDIS_URL (ví dụ redis://127.0.0.1:6379/0) trước khi chạy worker."; exit 1; }
	$(VENV)/bin/celery -A tgpl worker --beat --loglevel=INFO --concurrency=2

bench: install
	$(DEV_ENV) $(PY) -m tests.bench

# The case and request pages, search and the home page at growing sizes (SCALE_SIZES,
# default 1000,10000,100000; use a throwaway PostgreSQL DATABASE_URL for 1,000,000).
bench-scale: install
	$(DEV_ENV) $(PY) -m tests.bench.scale

# Throughput under 50 signed-in users (locust, headless, against 127.0.0.1 only): gunicorn
# with 3 workers on PostgreSQL and Redis of this machine, 100,000 cases (LOAD_SIZE), 60 s
# a page (LOAD_SECONDS); the case list, the home page and a search beside a trivial page.
# A throwaway LOAD_DATABASE_URL (default tgpl_bench_load on 127.0.0.1, made if missing).
$(VENV)/.installed-bench: $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[dev,bench]"
	@touch $@

bench-load: $(VENV)/.installed-bench
	$(DEV_ENV) $(PY) -m tests.bench.load

clean-venv:
	rm -rf $(VENV)

e2e: check-system
	$(DEV_ENV) $(PY) -m pytest -m e2e tests/e2e $(PYTEST_ARGS)
