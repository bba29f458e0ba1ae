# Two commands for a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := run

HOST ?= 127.0.0.1
PORT ?= 8000
BASE_URL ?= http://127.0.0.1:$(PORT)
export BASE_URL
# The seminar `make run` loads from fixtures/ (SEMINAR= loads none: README.md, "An empty instance").
SEMINAR ?= varde-2014

# daphne's limits on slow, idle and abusive connections, as in production (docs/deploy.md,
# "Connection limits"); `make run` has no proxy in front to enforce them.
DAPHNE_LIMITS := --http-idle-timeout 20 --http-timeout 60 --websocket_connect_timeout 10 \
	--ping-interval 15 --ping-timeout 20 \
	--websocket-max-message-size 4096 --websocket-max-frame-size 4096

VENV := .venv
VPY := $(VENV)/bin/python

# A Python 3.12+ interpreter: $(PYTHON) if given, else the first 3.12+ found on PATH or in pyenv.
PYENV_ROOT := $(shell pyenv root 2>/dev/null || echo $(HOME)/.pyenv)
CANDIDATES := $(PYTHON) python3.13 python3.12 \
	$(sort $(wildcard $(PYENV_ROOT)/versions/3.1[2-9]*/bin/python3)) python3
FOUND_PYTHON := $(firstword $(foreach c,$(CANDIDATES),$(shell \
	command -v $(c) >/dev/null 2>&1 && $(c) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && command -v $(c))))

.PHONY: run test lint check-python messages clean screenshots

check-python:
	@if [ -n "$(PYTHON)" ] && [ "$(FOUND_PYTHON)" != "$$(command -v $(PYTHON))" ]; then \
		echo "PYTHON=$(PYTHON) is not a Python 3.12 or newer." >&2; exit 1; fi
	@if [ -z "$(FOUND_PYTHON)" ]; then \
		echo "No Python 3.12 or newer found (looked on PATH and in $(PYENV_ROOT)/versions)." >&2; \
		echo "Install one, or name it: make run PYTHON=/path/to/python3.12" >&2; exit 1; fi

$(VENV)/.made: | check-python
	$(FOUND_PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.run-deps: pyproject.toml $(VENV)/.made
	$(VPY) -m pip install --quiet .
	touch $@

$(VENV)/.test-deps: pyproject.toml $(VENV)/.made
	$(VPY) -m pip install --quiet ".[test]"
	touch $@ $(VENV)/.run-deps

run: $(VENV)/.run-deps
	$(VPY) manage.py migrate --noinput -v0
	$(VPY) manage.py collectstatic --noinput -v0
	$(VPY) manage.py setup_demo --slug "$(SEMINAR)"
	@echo "Serving on $(BASE_URL)/ (Ctrl-C stops; open every screen at this address)"
	$(VPY) -m seminar.serve -b $(HOST) -p $(PORT) $(DAPHNE_LIMITS) seminar.asgi:application

# One test worker per core (TEST_WORKERS=0 runs them in this process); the browser tests
# all go to one worker, the rest are shared out. The 25 slowest tests are listed at the end:
# CI has 15 minutes.
TEST_WORKERS ?= auto
# What CI checks before the tests: ruff's lint rules (pyproject.toml) and its formatting.
lint: $(VENV)/.test-deps
	$(VPY) -m ruff check .
	$(VPY) -m ruff format --check .

test: $(VENV)/.test-deps
	$(VPY) manage.py collectstatic --noinput -v0
	$(VPY) -m pytest -n $(TEST_WORKERS) --dist loadgroup --durations=25 $(PYTEST_ARGS)

# A rehearsal to look at: every item of the reference seminar, full room, every screen size.
screenshots: $(VENV)/.test-deps
	$(VPY) bench/screenshots.py screenshots

messages: $(VENV)/.run-deps
	$(VPY) manage.py makemessages -l da --no-obsolete --ignore '.venv/*' --ignore 'staticfiles/*'
	$(VPY) manage.py compilemessages -l da --ignore '.venv/*'

clean:
	rm -rf $(VENV) staticfiles
