# Project 06 research repository. `make help` lists the targets.
#
# Environment: an active virtualenv/conda environment is reused; otherwise .venv is created with
# `python3 -m venv`. The pinned requirements and the helpers package are installed into it with
# uv (its version pinned in requirements.txt), or with pip where uv cannot be had, once and again
# only when requirements.txt or pyproject.toml change. USE_UV=0 forces pip.
#
# Python may write its bytecode caches here even where the shell forbids it
# (PYTHONDONTWRITEBYTECODE): otherwise every process, every kernel of every test, compiles the
# whole scientific stack again. Setup compiles what several processes import at once
# (helpers.precompile); anything else is compiled by its first import, once.

SHELL := /bin/bash
unexport PYTHONDONTWRITEBYTECODE
.SHELLFLAGS := -eo pipefail -c
# pip on some machines warns about local index folders that do not exist; drop that noise only.
QUIET_PIP := 2>&1 | { grep -v "^WARNING: Location 'file:" || true; }
.DEFAULT_GOAL := help
PYTHON_BOOT ?= python3
USE_UV ?= 1

ifdef VIRTUAL_ENV
ENV_DIR := $(VIRTUAL_ENV)
else ifdef CONDA_PREFIX
ENV_DIR := $(CONDA_PREFIX)
else
ENV_DIR := $(CURDIR)/.venv
endif
PY := $(ENV_DIR)/bin/python
# The environment is created without pip (that was a third of the setup time); uv manages it
# (`.venv/bin/uv pip install ...`). uv itself is installed by the environment's pip if it has
# one, else by the boot interpreter's pip (its --python option), else by pip from ensurepip.
# Whether the boot interpreter's pip can install into another environment (--python, pip 22.3+),
# asked without starting pip, which takes a second.
BOOT_PIP_CHECK := import sys, pip; sys.exit(tuple(map(int, pip.__version__.split(".")[:2])) < (22, 3))
PIP_FN = pip_env() { \
  if $(PY) -m pip --version >/dev/null 2>&1; then $(PY) -m pip "$$@"; \
  elif $(PYTHON_BOOT) -c '$(BOOT_PIP_CHECK)' >/dev/null 2>&1; then \
    $(PYTHON_BOOT) -m pip --python "$(PY)" "$$@"; \
  else $(PY) -m ensurepip --upgrade >/dev/null && $(PY) -m pip "$$@"; fi; }
UV := $(ENV_DIR)/bin/uv
UV_PIN := $(shell grep -E '^uv==' requirements.txt)
STAMP := $(ENV_DIR)/.project06-installed
JOBS ?= 2
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with nbval-sanitize.cfg
# --dist loadfile: each file's tests run on one xdist worker, in order (all cells of a notebook
# in one kernel; the report is built once in tests/test_report.py and opened by its browser
# tests while the other worker executes notebooks and unit tests).
PYTEST := $(PY) -m pytest -n $(JOBS) --dist loadfile -p no:cacheprovider
# make test: the strict nbval run is the one execution of each notebook; its figures go here and
# are compared with figures/ right after each notebook's last cell (conftest.py).
FRESH := $(CURDIR)/build/test/figures
# ... and the report is built once, by the first report test that needs it. xdist hands out the
# files with the most tests first (its default order, whatever the order named here): the report
# starts within seconds, and the files with few tests even out the end.
REPORT_TEST := $(CURDIR)/build/test/site

.PHONY: help setup report test lint unit test-notebooks lab refresh bench build-data validate \
        clean

help: ## List the targets with a one-line description
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  make %-15s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@if [ ! -x "$(PY)" ]; then \
	  echo ">> creating $(ENV_DIR) with $(PYTHON_BOOT) -m venv"; \
	  $(PYTHON_BOOT) -m venv --without-pip "$(ENV_DIR)"; \
	fi
	@$(PIP_FN); \
	if [ "$(USE_UV)" = 1 ] && { [ -x "$(UV)" ] && [ "$$($(UV) --version | cut -d' ' -f2)" = "$(UV_PIN:uv==%=%)" ] \
	     || pip_env install --quiet "$(UV_PIN)" $(QUIET_PIP); } && [ -x "$(UV)" ]; then \
	  echo ">> installing the pinned requirements and the helpers package with $(UV_PIN)"; \
	  $(UV) pip install --quiet --python "$(PY)" -r requirements.txt -e .; \
	else \
	  echo ">> installing the pinned requirements and the helpers package with pip"; \
	  pip_env install --quiet -r requirements.txt $(QUIET_PIP); \
	  pip_env install --quiet --no-deps -e . $(QUIET_PIP); \
	fi
	@$(PY) -m helpers.numeric_env --install-kernel "$(ENV_DIR)" >/dev/null & kernel=$$!; \
	$(PY) -m helpers.precompile; wait $$kernel
	@touch "$(STAMP)"

setup: $(STAMP) ## Create or reuse the environment and install everything

report: $(STAMP) ## Render the report into site/ from the stored notebooks (opens offline)
	@$(PY) -m helpers.report

test: $(STAMP) ## Lint; unit, data, report and browser tests; strict nbval and the figures
	@$(PY) -m ruff check .
	@rm -rf build/test && mkdir -p "$(FRESH)"
	@PROJECT06_FIGURES="$(FRESH)" PROJECT06_REPORT_DIR="$(REPORT_TEST)" \
	  $(PYTEST) $(NBVAL) -m "not figures" tests/test_report.py notebooks tests src
	@if [ -s build/test/browser-skipped.txt ]; then \
	  echo "!! $$(wc -l < build/test/browser-skipped.txt) browser tests were SKIPPED:"; \
	  sed 's/^/!!   /' build/test/browser-skipped.txt; fi

lint: $(STAMP) ## Ruff over src/, tests/ and the notebooks
	@$(PY) -m ruff check .

unit: $(STAMP) ## Unit, data and report tests (no notebook execution, no browser)
	@$(PYTEST) -m "not figures and not browser"

test-notebooks: $(STAMP) ## Strict nbval over every notebook, each followed by its figures
	@rm -rf "$(FRESH)" && mkdir -p "$(FRESH)"
	@PROJECT06_FIGURES="$(FRESH)" $(PYTEST) $(NBVAL) notebooks

build-data: $(STAMP) ## Regenerate data/processed from data/raw and data/reference
	@$(PY) -m helpers.build

validate: $(STAMP) ## Check the whole data tree; one line per problem
	@$(PY) -m helpers.validate

lab: $(STAMP) ## Start JupyterLab on the notebooks with the project kernel and settings
	@$(PY) -m helpers.lab

refresh: $(STAMP) ## Re-execute the notebooks in place (stored outputs and figures/ current)
	@$(PY) -m helpers.execute

bench: $(STAMP) ## Print timings: setup, unit tests, nbval, site, extractor throughput
	@$(PY) -m helpers.bench

clean: ## Remove build outputs (keeps .venv)
	rm -rf build site .pytest_cache
