# The front door. `make` alone lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

LOCAL      := .local
STAGE      ?= dev
PYTHON     ?= python3
CFN_VENV   := $(LOCAL)/venv-cfn-lint
NPM_STAMP  := node_modules/.package-lock.json
SLS        := npx --no-install sls
TEMPLATE   := .serverless/cloudformation-template-update-stack.json

# The SDK warns on Node < 22. Lambda runs nodejs22.x; only local tooling runs on Node 20.
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED := true
export SLS_TELEMETRY_DISABLED := 1

.PHONY: help install lint format typecheck test-unit package cfn-lint check test model clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(NPM_STAMP): package.json package-lock.json
	@echo "==> npm ci"
	npm ci --no-audit --no-fund
	@touch $@

install: $(NPM_STAMP) ## Install Node dependencies from the lock file

$(CFN_VENV)/bin/cfn-lint: scripts/cfn-lint.requirements.txt
	@echo "==> creating the cfn-lint venv in $(CFN_VENV)"
	$(PYTHON) -m venv $(CFN_VENV)
	$(CFN_VENV)/bin/pip install --quiet --disable-pip-version-check -r $<
	@touch $@

lint: $(NPM_STAMP) ## Lint and check formatting (biome)
	npx --no-install biome check .

format: $(NPM_STAMP) ## Apply biome fixes and formatting
	npx --no-install biome check --write .

typecheck: $(NPM_STAMP) ## Type-check everything (tsc --noEmit)
	npx --no-install tsc --noEmit

model: $(NPM_STAMP) ## Regenerate api/ticket-request.model.json from the zod schema
	npx --no-install tsx scripts/write-request-model.ts

test-unit: $(NPM_STAMP) ## Unit suite (no emulator needed; includes the packaged-template tests)
	npx --no-install jest --selectProjects unit

package: $(NPM_STAMP) ## sls package for STAGE (default dev), offline, no credentials
	@echo "==> sls package --stage $(STAGE)"
	$(SLS) package --stage $(STAGE)

cfn-lint: $(CFN_VENV)/bin/cfn-lint package ## Lint the packaged CloudFormation template
	@echo "==> cfn-lint $(TEMPLATE)"
	$(CFN_VENV)/bin/cfn-lint --non-zero-exit-code error $(TEMPLATE)

check: lint typecheck test-unit cfn-lint ## Everything that needs no emulator

test: check ## The README's test command: what CI runs

clean: ## Remove build output (.serverless, .esbuild)
	rm -rf .serverless .esbuild
