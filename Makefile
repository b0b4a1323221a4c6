# Project 06 research repository. `make help` lists the targets.
#
# Environment: an active virtualenv/conda environment is reused; otherwise .venv is created
# with `python3 -m venv` and the pinned requirements are installed into it once (again only
# when requirements.txt or pyproject.toml change).

SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
# pip on some machines warns about local index folders that do not exist; drop that noise only.
QUIET_PIP := 2>&1 | { grep -v "^WARNING: Location 'file:" || true; }
.DEFAULT_GOAL := help
PYTHON_BOOT ?= python3

ifdef VIRTUAL_ENV
ENV_DIR := $(VIRTUAL_ENV)
else ifdef CONDA_PREFIX
ENV_DIR := $(CONDA_PREFIX)
else
ENV_DIR := $(CURDIR)/.venv
endif
PY := $(ENV_DIR)/bin/python
STAMP := $(ENV_DIR)/.project06-installed
JOBS ?= 2
NBVAL := --dist loadfile --nbval --nbval-current-env --nbval-sanitize-with nbval-sanitize.cfg
# --dist loadfile: all cells of a notebook run on one xdist worker, in one kernel, in order.

.PHONY: help setup report test lint unit test-notebooks lab refresh bench build-data validate site clean

help: ## List the targets with a one-line description
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  make %-15s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@if [ ! -x "$(PY)" ]; then \
	  echo ">> creating $(ENV_DIR) with $(PYTHON_BOOT) -m venv"; \
	  $(PYTHON_BOOT) -m venv "$(ENV_DIR)"; \
	fi
	@echo ">> installing pinned requirements and the helpers package into $(ENV_DIR)"
	@$(PY) -m pip install --quiet --upgrade pip $(QUIET_PIP)
	@$(PY) -m pip install --quiet -r requirements.txt $(QUIET_PIP)
	@$(PY) -m pip install --quiet --no-deps -e . $(QUIET_PIP)
	@$(PY) -m ipykernel install --prefix "$(ENV_DIR)" --name python3 --display-name "Python 3 (project06)" >/dev/null
	@touch "$(STAMP)"

setup: $(STAMP) ## Create or reuse the environment and install everything

report: $(STAMP) ## Execute every notebook in reading order, write figures/ and the HTML site
	@$(PY) -m helpers.report

test: $(STAMP) ## Lint, unit tests, data checks, strict nbval over every notebook
	@$(PY) -m ruff check .
	@$(PY) -m pytest -n $(JOBS)
	@$(PY) -m pytest -n $(JOBS) $(NBVAL) -p no:cacheprovider notebooks

lint: $(STAMP) ## Ruff over src/, tests/ and the notebooks
	@$(PY) -m ruff check .

unit: $(STAMP) ## Unit tests only
	@$(PY) -m pytest -n $(JOBS)

test-notebooks: $(STAMP) ## Strict nbval over every notebook
	@$(PY) -m pytest -n $(JOBS) $(NBVAL) -p no:cacheprovider notebooks

site: $(STAMP) ## Build site/ from the stored notebooks (no re-execution) and the province profiles
	@$(PY) -m helpers.site

build-data: $(STAMP) ## Regenerate data/processed from data/raw and data/reference
	@$(PY) -m helpers.build

validate: $(STAMP) ## Check the whole data tree; one line per problem
	@$(PY) -m helpers.validate

lab: $(STAMP) ## Start JupyterLab with the project kernel
	@$(PY) -m jupyter lab --notebook-dir=notebooks

refresh: $(STAMP) ## Re-execute the notebooks in place so their stored outputs are current
	@$(PY) -m helpers.report --refresh

bench: $(STAMP) ## Print timings: notebook execution vs bare kernels, extractor throughput
	@$(PY) -m helpers.bench

clean: ## Remove build outputs (keeps .venv)
	rm -rf build site .pytest_cache
