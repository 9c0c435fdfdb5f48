#!/usr/bin/env bash
# make local-up: start LocalStack (Docker when an engine answers, else on the host), deploy
# the `local` stage, and print how to call it. Safe to run again: it reuses what is running.
set -euo pipefail
source localstack/common.sh
source localstack/venv.sh
mkdir -p "$LS_DIR"

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$LOCALSTACK_PORT") 2>/dev/null; }

start_host() {
  local ext
  ext="$LOCAL_EMULATOR $(extension_hash)" # once: it hashes every file of the extension
  if host_running; then
    if [ "$(cat "$LS_EXT_FILE" 2>/dev/null)" = "$ext" ]; then
      say "$EMU_NAME is already running in host mode (pid $(cat "$LS_PID"))"
      return
    fi
    say "the engine (LOCAL_EMULATOR) or the extension changed since the emulator started: restarting it"
    bash localstack/local-down.sh
  fi
  ensure_venv
  ensure_extension "${ext#* }"
  # Checked after the (possibly long) venv install, right before the start.
  port_taken && die "port $LOCALSTACK_PORT is taken by a process local-up did not start. Stop it (e.g. 'make local-down', or 'ss -ltnp | grep $LOCALSTACK_PORT' to find it), or pick another with LOCALSTACK_PORT, and retry."
  say "starting $EMU_NAME $EMU_VERSION in host mode (log: $LS_LOG)"
  # Lambda: the extension's local-node executor runs each function as a node process.
  # Idle environments (about 70 MB each) stop after LAMBDA_KEEPALIVE_MS, 2 min by default here.
  # Every file stays under .local: OVERRIDE_IN_DOCKER=0 because LocalStack takes any container (a
  # /.dockerenv) for its own image and then ignores FILESYSTEM_ROOT, and TMPDIR because it unpacks
  # Lambda code under tempfile.gettempdir()/lambda, shared by every checkout on the machine.
  mkdir -p "$LS_DIR/tmp"
  env -u AWS_ENDPOINT_URL \
    OVERRIDE_IN_DOCKER=0 TMPDIR="$PWD/$LS_DIR/tmp" \
    GATEWAY_LISTEN="127.0.0.1:$LOCALSTACK_PORT" "${EMU_ENV_PREFIX}_HOST=localhost:$LOCALSTACK_PORT" DNS_ADDRESS=0 \
    SKIP_SSL_CERT_DOWNLOAD=1 DISABLE_EVENTS=1 SQS_ENDPOINT_STRATEGY=path \
    FILESYSTEM_ROOT="$PWD/$LS_DIR/fs" XDG_CACHE_HOME="$PWD/$LS_CACHE" SERVICES="$LOCALSTACK_SERVICES" \
    LAMBDA_RUNTIME_EXECUTOR="$LS_EXECUTOR" LAMBDA_KEEPALIVE_MS="${LAMBDA_KEEPALIVE_MS:-120000}" \
    nohup "$LS_VENV/bin/python" -m "$EMU_PACKAGE.runtime.main" >"$LS_LOG" 2>&1 &
  echo $! >"$LS_PID"
  echo host >"$LS_MODE_FILE"
  echo "$ext" >"$LS_EXT_FILE"
}

# A misspelt or missing executor only logs a warning and falls back to Docker, which fails
# exactly like having no executor at all: say which one is really serving the functions.
check_executor() {
  [ "$mode" = host ] || return 0
  grep -q "local-node executor: Lambda functions run as local processes" "$LS_LOG" ||
    die "$EMU_NAME is not running Lambdas with the project's '$LS_EXECUTOR' executor. Check the log (make local-logs) for 'Invalid specified plugin name' or an extension error, then: make local-down && make local-up"
}

start_docker() {
  say "starting LocalStack with docker compose ($LOCALSTACK_IMAGE)"
  compose up -d
  echo docker >"$LS_MODE_FILE"
}

wait_healthy() {
  local started=$SECONDS said=-1
  until healthy; do
    local waited=$((SECONDS - started))
    if [ "$mode" = host ] && ! host_running; then
      die "$EMU_NAME exited during start-up. Last lines of $LS_LOG:"$'\n'"$(tail -n 20 "$LS_LOG")"
    fi
    [ "$waited" -ge "$LS_HEALTH_TIMEOUT" ] &&
      die "$EMU_NAME did not answer $LS_URL$EMU_INTERNAL_PATH/health within ${LS_HEALTH_TIMEOUT}s. See the log: make local-logs"
    if [ $((waited / 10)) -gt "$said" ]; then
      said=$((waited / 10))
      say "waiting for $EMU_NAME health (${waited}s)"
    fi
    sleep 0.5
  done
  # In host mode the answer must come from our own process, not another emulator on the port.
  [ "$mode" = docker ] || host_running || die "something else answers on $LS_URL; $EMU_NAME from local-up is not running"
  say "$EMU_NAME is healthy at $LS_URL ($((SECONDS - started)) s)"
}

# The stack is deployed and has answered its smoke request, and nothing else runs yet: the speed patch
# python-gc-freeze takes the emulator's objects out of Python's cyclic GC now (docs/localstack-speed-patches.md).
freeze_gc() {
  local answer
  if answer=$(curl -s --max-time 30 -X POST "$LS_URL/_ticket_orchestrator/gc-freeze" -w ' %{http_code}'); then
    case "$answer" in
      *' 200') say "python-gc-freeze: ${answer% 200}" ;;
      *' 409') say "python-gc-freeze is off (TICKET_SPEED_PATCHES): nothing frozen" ;;
      *) say "python-gc-freeze: the emulator answered ${answer##* } (nothing frozen)" ;;
    esac
  fi
}

mode=$(pick_mode)
case "$mode" in
  docker) say "mode D: a Docker engine answers; the stack deploys with its real Lambdas" ;;
  host) say "mode H: $EMU_NAME runs on the host, and the Lambdas as local node processes" ;;
esac
"start_$mode"
wait_healthy

say "deploying stage 'local' (sls deploy --stage local)"
deploy_started=$SECONDS
npx --no-install tsx localstack/deploy.ts
say "deployed in $((SECONDS - deploy_started)) s"
check_executor

npx --no-install tsx localstack/print-usage.ts "$mode"
freeze_gc
