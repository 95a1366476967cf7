# Every target sets up what it needs; `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test lint format migrations-check messages bench ci clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/activate
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# The W3C's Nu HTML Checker, from its official npm package (it runs on Java); the
# test that uses it says what is missing when npm or Java is not there.
VNU_VERSION := 26.9.27
$(VENV)/vnu/.installed: | $(BIN)/activate
	-command -v npm >/dev/null && npm install --silent --no-save --no-audit --no-fund \
		--prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION) && touch $@

.env:
	printf '# Local development settings, read by reform_site/settings.py. Git-ignored:\n# never copy this file to a server.\nDJANGO_DEBUG=1\n' > $@

var:
	mkdir -p $@

run: $(VENV)/.runtime .env | var ## Set up, migrate, load demo content (first time) and serve http://$(HOST):$(PORT)/
	DJANGO_DEBUG=1 $(PY) manage.py migrate --no-input
	DJANGO_DEBUG=1 $(PY) manage.py load_demo_content --if-empty
	@echo "Serving the site at http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.dev $(VENV)/vnu/.installed ## Lint, check formatting, then run the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev ## Fix what ruff can fix and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

format: lint ## Same as lint

migrations-check: $(VENV)/.dev | var ## Fail if models changed without a migration
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

# What makemessages leaves out: tools, tests and generated files.
MESSAGES_IGNORE := --ignore=.venv --ignore=tests --ignore=benchmarks --ignore=var --ignore=staticfiles

messages: $(VENV)/.dev | var ## Update locale/*/django.po from the code (needs GNU gettext) and compile the .mo files
	@command -v xgettext >/dev/null || { echo "make messages needs GNU gettext: apt-get install gettext"; exit 1; }
	DJANGO_DEBUG=1 $(PY) manage.py makemessages --all --no-obsolete --no-location $(MESSAGES_IGNORE)
	DJANGO_DEBUG=1 $(PY) manage.py compile_translations

bench: $(VENV)/.dev | var ## Measure pages under load, cold and warm, against a static file (BENCH_ARGS=--quick)
	$(PY) -m benchmarks $(BENCH_ARGS)

ci: ## What CI runs: the suite on PostgreSQL and SQLite
	bash .ci/run

clean: ## Remove the virtual environment, the local database and collected files
	rm -rf $(VENV) var staticfiles
