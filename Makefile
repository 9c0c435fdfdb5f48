# The front door. `make` alone lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

LOCAL      := .local
STAGE      ?= dev
PYTHON     ?= python3
CFN_VENV   := $(LOCAL)/venv-cfn-lint
ESDK_VENV  := $(LOCAL)/venv-esdk-cli
CHECKOV_VENV := $(LOCAL)/venv-checkov
CHECKOV    := $(CHECKOV_VENV)/bin/checkov
FUZZ_VENV  := $(LOCAL)/venv-schemathesis
SCHEMATHESIS := $(FUZZ_VENV)/bin/schemathesis
ESDK_CLI   := $(ESDK_VENV)/bin/aws-encryption-cli
LS_PY      := $(CURDIR)/$(LOCAL)/venv-localstack/bin/python
UV         := $(LOCAL)/venv-uv/bin/uv
EXT_DIR    := localstack/extension
NPM_STAMP  := node_modules/.package-lock.json
SLS        := npx --no-install sls
TEMPLATE   := .serverless/cloudformation-template-update-stack.json

# The SDK warns on Node < 22. Lambda runs nodejs22.x; only local tooling runs on Node 20.
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED := true
export SLS_TELEMETRY_DISABLED := 1

.PHONY: help install lint format typecheck test-unit package cfn-lint check test model clean venv lint-py \
	security-scan venvs venv-localstack venv-localemu local-up local-down local-logs test-integration test-extension test-engine watch cost diagram diagram-check bench offline \
	esdk-cli load coverage openapi fuzz

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(NPM_STAMP): package.json package-lock.json
	@echo "==> npm ci"
	npm ci --no-audit --no-fund
	@touch $@

install: $(NPM_STAMP) ## Install Node dependencies from the lock file

# uv (pinned) creates and fills every venv below; scripts/uv.sh installs it with pip.
$(UV): scripts/uv.requirements.txt
	@bash scripts/uv.sh >/dev/null
	@touch $@

$(CFN_VENV)/bin/cfn-lint: scripts/cfn-lint.requirements.txt $(UV)
	@echo "==> creating the cfn-lint venv in $(CFN_VENV)"
	$(UV) venv --quiet --clear --python $(PYTHON) $(CFN_VENV)
	$(UV) pip install --quiet --python $(CFN_VENV) -r $<
	@touch $@

# A tool's own venv from a requirements file that pins every transitive version, installed
# with --no-deps so nothing unpinned sneaks in. $(1): the venv folder, $(2): what it is for.
define pinned-venv
	@echo "==> creating the $(2) venv in $(1)"
	$(UV) venv --quiet --clear --python $(PYTHON) $(1)
	$(UV) pip install --quiet --python $(1) --no-deps -r $<
	@touch $@
endef

$(ESDK_CLI): scripts/esdk-cli.requirements.txt $(UV)
	$(call pinned-venv,$(ESDK_VENV),Encryption SDK CLI)

$(CHECKOV): scripts/checkov.requirements.txt $(UV)
	$(call pinned-venv,$(CHECKOV_VENV),checkov)

$(SCHEMATHESIS): scripts/schemathesis.requirements.txt $(UV)
	$(call pinned-venv,$(FUZZ_VENV),Schemathesis)

esdk-cli: $(ESDK_CLI) ## The AWS Encryption SDK CLI (pinned venv) the integration suite cross-checks tickets with

lint: $(NPM_STAMP) ## Lint and check formatting (biome)
	npx --no-install biome check .

format: $(NPM_STAMP) ## Apply biome fixes and formatting
	npx --no-install biome check --write .

typecheck: $(NPM_STAMP) ## Type-check everything (tsc --noEmit)
	npx --no-install tsc --noEmit

model: $(NPM_STAMP) ## Regenerate the API models (api/ticket-request.model.json, api/ticket-responses.model.json) from zod
	npx --no-install tsx scripts/write-request-model.ts

openapi: $(NPM_STAMP) ## Write docs/openapi.json, the contract, from the packaged template (a unit test fails when stale)
	npx --no-install tsx tools/openapi/main.ts

test-unit: $(NPM_STAMP) ## Unit suite (no emulator needed; includes the packaged-template tests)
	npx --no-install jest --selectProjects unit

package: $(NPM_STAMP) ## sls package for STAGE (default dev), offline, no credentials
	@# A plugin's serverless@4 peer must not have taken over .bin/sls (it needs a login).
	@$(SLS) --version | grep -q '^osls version: 3\.' || { echo "node_modules/.bin/sls is not osls 3: $$($(SLS) --version)"; exit 1; }
	@echo "==> sls package --stage $(STAGE)"
	$(SLS) package --stage $(STAGE)

cfn-lint: $(CFN_VENV)/bin/cfn-lint package ## Lint the packaged CloudFormation template
	@echo "==> cfn-lint $(TEMPLATE)"
	$(CFN_VENV)/bin/cfn-lint --non-zero-exit-code informational $(TEMPLATE)

venv: $(UV) ## Create or update the LocalStack venv (pinned; LOCAL_EMULATOR=localemu: LocalEmu's) with the project's extension in it
	@bash localstack/venv.sh

venv-localstack venv-localemu: $(UV)
	@LOCAL_EMULATOR=$(@:venv-%=%) bash localstack/venv.sh

# Every venv and node_modules, side by side: on a fresh clone they are most of make test's set-up.
venvs: $(NPM_STAMP) venv-localstack venv-localemu $(CFN_VENV)/bin/cfn-lint $(CHECKOV) $(ESDK_CLI) $(SCHEMATHESIS) ## Create every pinned venv make test uses, in parallel

# Always in the LocalStack venv: the extension is written against the `localstack` names (LocalEmu's are the same
# modules under `localemu`, aliased at run time by ticket_localstack/engine.py).
lint-py: ## Lint, format-check and type-check the LocalStack extension (ruff, mypy --strict)
	@LOCAL_EMULATOR=localstack bash localstack/venv.sh
	cd $(EXT_DIR) && $(LS_PY) -m ruff check . && $(LS_PY) -m ruff format --check . && $(LS_PY) -m mypy

# .checkov.yaml holds the settings and the skipped checks, each with its reason.
security-scan: $(CHECKOV) package ## Scan the packaged CloudFormation template with checkov (fails on any finding)
	@echo "==> checkov $(TEMPLATE) (skips and their reasons: .checkov.yaml)"
	$(CHECKOV) --config-file .checkov.yaml -f $(TEMPLATE)

check: lint typecheck lint-py test-unit cfn-lint security-scan ## Everything that needs no emulator

cost: $(NPM_STAMP) ## Cost per execution path and per ticket (ARGS="--json --duration-ms 400 ...")
	@npx --no-install tsx tools/cost/main.ts $(ARGS)

diagram: $(NPM_STAMP) ## Render statemachines/ticket.asl.yml to docs/ticket-workflow.svg
	@npx --no-install tsx tools/diagram/main.ts

diagram-check: $(NPM_STAMP) ## Fail if docs/ticket-workflow.svg is stale against the ASL
	@npx --no-install tsx tools/diagram/main.ts --check

bench: $(NPM_STAMP) ## Benchmarks -> docs/benchmarks.md (bundles, imports, throughput; HTTP needs make local-up)
	@source localstack/common.sh && npx --no-install tsx tools/bench/main.ts

load: $(NPM_STAMP) ## Seats, retries and faults under load -> docs/load.md; exit 1 on any violation (make local-up first)
	@source localstack/common.sh && npx --no-install tsx tools/load/main.ts

coverage: $(NPM_STAMP) ## Workflow transition coverage of the runs since the suite began -> docs/workflow-coverage.md/.svg
	@source localstack/common.sh && npx --no-install tsx tools/coverage/main.ts

local-up: $(NPM_STAMP) ## Start LocalStack (Docker if it answers, else host mode; LOCAL_EMULATOR=localemu: LocalEmu), deploy stage local, print URLs
	@bash localstack/local-up.sh

local-down: ## Stop what local-up started (by pid file or docker compose)
	@bash localstack/local-down.sh

local-logs: ## Show the LocalStack log (LINES=200)
	@bash localstack/local-logs.sh

test-integration: $(NPM_STAMP) $(ESDK_CLI) ## Integration suite against the running LocalStack (make local-up first), ending with the coverage gate
	@source localstack/common.sh && ESDK_CLI=$(CURDIR)/$(ESDK_CLI) npx --no-install jest --selectProjects integration --runInBand

test-extension: ## pytest of the LocalStack extension, against the running LocalStack (make local-up first)
	@LOCAL_EMULATOR=localstack bash localstack/venv.sh
	@source localstack/common.sh && cd $(EXT_DIR) && $(LS_PY) -m pytest -p no:cacheprovider

# Schemathesis against the local stage's own OpenAPI export (GetExport oas30), every request
# SigV4-signed by tools/fuzz/sigv4_hooks.py. A fixed seed and a bounded example count keep it
# repeatable and under about a minute; FUZZ_ARGS adds options (e.g. FUZZ_ARGS="--seed 7").
FUZZ_CHECKS := not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
FUZZ_EXPORT := $(LOCAL)/openapi-local.json
fuzz: $(NPM_STAMP) $(SCHEMATHESIS) ## Fuzz POST /tickets with Schemathesis from the stage's OpenAPI export (make local-up first)
	@source localstack/common.sh && \
	  base=$$(npx --no-install tsx tools/fuzz/stage-export.ts $(FUZZ_EXPORT)) && \
	  echo "==> schemathesis against $$base ($(FUZZ_EXPORT))" && \
	  SCHEMATHESIS_HOOKS=sigv4_hooks PYTHONPATH=tools/fuzz $(SCHEMATHESIS) run $(FUZZ_EXPORT) --url "$$base" \
	    --checks $(FUZZ_CHECKS) --max-examples 50 --seed 20261205 \
	    --no-color $(FUZZ_ARGS)

watch: $(NPM_STAMP) ## Hot reload: rebuild handlers on save; the local stage runs each edit on its next request
	@npx --no-install tsx tools/watch/main.ts

# The README's test command, and what CI runs: static checks and unit suite, then LocalStack
# up, the integration suite, Schemathesis (make fuzz) and the extension's pytest, then the integration suite on the second engine
# (test-engine), and the emulator down again whatever the result (unless LocalStack was already up before:
# then it is started again at the end).
test: ## Everything: checks, unit suite, integration suite + fuzzing + extension tests on LocalStack, integration suite on LocalEmu
	@echo "==> preparing node_modules and every venv, in parallel (output per step, when it ends)"
	@$(MAKE) --no-print-directory -j4 --output-sync=target venvs
	@$(MAKE) --no-print-directory check
	@was_up=$$(LOCAL_EMULATOR=localstack; source localstack/common.sh && healthy && echo yes || echo no); \
	  export LOCAL_EMULATOR=localstack; status=0; \
	  $(MAKE) --no-print-directory local-up || status=$$?; \
	  if [ $$status = 0 ]; then $(MAKE) --no-print-directory test-integration || status=$$?; fi; \
	  if [ $$status = 0 ]; then $(MAKE) --no-print-directory fuzz || status=$$?; fi; \
	  if [ $$status = 0 ]; then $(MAKE) --no-print-directory test-extension || status=$$?; fi; \
	  if [ $$status = 0 ]; then $(MAKE) --no-print-directory test-engine || status=$$?; fi; \
	  if [ $$was_up = yes ]; then $(MAKE) --no-print-directory local-up >/dev/null; else $(MAKE) --no-print-directory local-down; fi; \
	  exit $$status

# The second engine (localstack/engine.sh): LocalEmu replaces whatever emulator runs, for the integration suite.
test-engine: $(NPM_STAMP) $(ESDK_CLI) ## Integration suite on LocalEmu: local-down, LOCAL_EMULATOR=localemu local-up, suite, local-down
	@export LOCAL_EMULATOR=localemu; status=0; \
	  $(MAKE) --no-print-directory local-down; \
	  $(MAKE) --no-print-directory local-up || status=$$?; \
	  if [ $$status = 0 ]; then $(MAKE) --no-print-directory test-integration || status=$$?; fi; \
	  $(MAKE) --no-print-directory local-down; \
	  exit $$status

offline: $(NPM_STAMP) ## Serve the two Lambdas on http://localhost:3002 (serverless-offline; no Step Functions)
	$(SLS) offline --stage $(STAGE)

clean: ## Remove build output (.serverless, .esbuild)
	rm -rf .serverless .esbuild
