#!/usr/bin/env bash
# make local-up: start LocalStack (Docker when an engine answers, else on the host), deploy
# the `local` stage, and print how to call it. Safe to run again: it reuses what is running.
set -euo pipefail
source localstack/common.sh
mkdir -p "$LS_DIR"

# localstack-core 4.13.1 needs Python 3.13 (its package installer uses `threading.Lock | None`,
# which only 3.13 evaluates; on 3.11 every Step Functions call fails). Use $PYTHON, or find a 3.13.
find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.13 "$(pyenv root 2>/dev/null)"/versions/3.13*/bin/python3 python3; do
    [ -n "$candidate" ] || continue
    if "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 13))' 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  die "host mode needs Python 3.13 for LocalStack 4.13.1 (found only $(python3 --version 2>&1)). Install one and set PYTHON=/path/to/python3.13, or use Docker (mode D)."
}

ensure_venv() {
  local stamp py
  stamp="$LS_VENV/.installed-$(cat localstack/requirements.txt localstack/constraints.txt | sha256sum | cut -c1-12)"
  [ -f "$stamp" ] && return
  py=$(find_python)
  say "creating the LocalStack venv in $LS_VENV with $("$py" --version) (first run only, 1-3 minutes)"
  rm -rf "$LS_VENV"
  "$py" -m venv "$LS_VENV"
  local started=$SECONDS
  "$LS_VENV/bin/pip" install --disable-pip-version-check --progress-bar off \
    -r localstack/requirements.txt -c localstack/constraints.txt | grep --line-buffered -E '^(Collecting|Successfully)'
  touch "$stamp"
  say "LocalStack venv ready in $((SECONDS - started)) s"
}

port_taken() { (exec 3<>/dev/tcp/127.0.0.1/4566) 2>/dev/null; }

start_host() {
  if host_running; then
    say "LocalStack is already running in host mode (pid $(cat "$LS_PID"))"
    return
  fi
  ensure_venv
  # Checked after the (possibly long) venv install, right before the start.
  port_taken && die "port 4566 is taken by a process local-up did not start. Stop it (e.g. 'make local-down', or 'ss -ltnp | grep 4566' to find it) and retry."
  # The mock file must exist before the first execution; deploy fills it in.
  [ -f "$LS_DIR/sfn-mock-config.json" ] || echo '{"StateMachines": {}, "MockedResponses": {}}' >"$LS_DIR/sfn-mock-config.json"
  say "starting LocalStack 4.13.1 in host mode (log: $LS_LOG)"
  env -u AWS_ENDPOINT_URL \
    GATEWAY_LISTEN=127.0.0.1:4566 LOCALSTACK_HOST=localhost:4566 DNS_ADDRESS=0 \
    SKIP_SSL_CERT_DOWNLOAD=1 DISABLE_EVENTS=1 SQS_ENDPOINT_STRATEGY=path \
    FILESYSTEM_ROOT="$PWD/$LS_DIR/fs" SERVICES="$LOCALSTACK_SERVICES_HOST" \
    SFN_MOCK_CONFIG="$PWD/$LS_DIR/sfn-mock-config.json" \
    nohup "$LS_VENV/bin/python" -m localstack.runtime.main >"$LS_LOG" 2>&1 &
  echo $! >"$LS_PID"
  echo host >"$LS_MODE_FILE"
}

start_docker() {
  say "starting LocalStack with docker compose (${LOCALSTACK_IMAGE:-localstack/localstack:4.13.1})"
  compose up -d
  echo docker >"$LS_MODE_FILE"
}

wait_healthy() {
  local waited=0 started=$SECONDS
  until healthy; do
    if [ "$mode" = host ] && ! host_running; then
      die "LocalStack exited during start-up. Last lines of $LS_LOG:"$'\n'"$(tail -n 20 "$LS_LOG")"
    fi
    [ "$waited" -ge "$LS_HEALTH_TIMEOUT" ] &&
      die "LocalStack did not answer $LS_URL/_localstack/health within ${LS_HEALTH_TIMEOUT}s. See the log: make local-logs"
    [ $((waited % 10)) -eq 0 ] && say "waiting for LocalStack health (${waited}s)"
    sleep 2
    waited=$((waited + 2))
  done
  # In host mode the answer must come from our own process, not another emulator on the port.
  [ "$mode" = docker ] || host_running || die "something else answers on $LS_URL; LocalStack from local-up is not running"
  say "LocalStack is healthy at $LS_URL ($((SECONDS - started)) s)"
}

mode=$(pick_mode)
case "$mode" in
  docker) say "mode D: a Docker engine answers; the stack deploys with its real Lambdas" ;;
  host) say "mode H: no Docker engine; LocalStack runs on the host and Lambda tasks are served by SFN_MOCK_CONFIG" ;;
esac
"start_$mode"
wait_healthy

say "deploying stage 'local'"
deploy_started=$SECONDS
if [ "$mode" = docker ]; then
  npx --no-install sls deploy --stage local
else
  npx --no-install sls package --stage local
  npx --no-install tsx localstack/host-mode/deploy.ts
fi
npx --no-install tsx localstack/ensure-stage.ts
say "deployed in $((SECONDS - deploy_started)) s"

npx --no-install tsx localstack/print-usage.ts "$mode"
