# Shared by local-up.sh, local-down.sh and local-logs.sh. Sourced from the repo root.
source localstack/engine.sh # LOCAL_EMULATOR: which emulator host mode runs (EMU_* names)
LS_DIR=.local/localstack
LS_PID="$LS_DIR/localstack.pid"
LS_LOG="$LS_DIR/localstack.log"
LS_MODE_FILE="$LS_DIR/mode"
LS_CACHE="$LS_DIR/cache" # LocalStack's user cache (plux's entry-point index), kept in the checkout
LS_VENV=$EMU_VENV
# LOCALSTACK_PORT lets two checkouts run side by side (each with its own .local).
export LOCALSTACK_PORT=${LOCALSTACK_PORT:-4566}
export LOCALSTACK_URL=${LOCALSTACK_URL:-http://127.0.0.1:$LOCALSTACK_PORT}
LS_URL=$LOCALSTACK_URL
LS_HEALTH_TIMEOUT=${LOCALSTACK_HEALTH_TIMEOUT:-120}
COMPOSE_FILE=localstack/docker-compose.yml
# The one LocalStack release, in both modes (requirements.txt pins the same for mode H).
LS_VERSION=4.14.0
export LOCALSTACK_IMAGE=${LOCALSTACK_IMAGE:-localstack/localstack:$LS_VERSION}
# What host mode runs: the engine and the extension's hash; a change restarts it.
LS_EXT_FILE="$LS_DIR/extension.sha"
EXT_DIR=localstack/extension
LS_EXECUTOR=local-node
# The same services in both modes (docker-compose.yml reads this too).
export LOCALSTACK_SERVICES=apigateway,cloudformation,cloudwatch,events,iam,kms,lambda,logs,s3,sns,sqs,stepfunctions,sts

# Fake credentials and the SDK's standard endpoint variable: the only LocalStack wiring.
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-test}
export AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-test}
export AWS_REGION=${AWS_REGION:-us-east-1}
export AWS_DEFAULT_REGION=$AWS_REGION
export AWS_ENDPOINT_URL=$LS_URL

say() { printf '==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

docker_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

# LOCALSTACK_MODE=docker|host forces a mode; otherwise Docker wins when its engine answers.
# LocalEmu runs in host mode only (mode D is the LocalStack image).
pick_mode() {
  case "${LOCALSTACK_MODE:-auto}" in
    docker) [ "$LOCAL_EMULATOR" = localstack ] || die "mode D runs LocalStack only; LOCAL_EMULATOR=$LOCAL_EMULATOR needs LOCALSTACK_MODE=host"; echo docker ;;
    host) echo host ;;
    auto) if [ "$LOCAL_EMULATOR" = localstack ] && docker_answers; then echo docker; else echo host; fi ;;
    *) die "LOCALSTACK_MODE must be docker, host or auto (got '${LOCALSTACK_MODE}')" ;;
  esac
}

# Alive, and still the emulator (either engine: local-down stops whichever local-up started);
# a recycled pid must not be mistaken for it (or killed).
host_running() {
  local pid
  pid=$(cat "$LS_PID" 2>/dev/null) || return 1
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -Eq '(localstack|localemu)\.runtime\.main'
}

# What the extension is made of: a change means reinstalling it and restarting LocalStack.
extension_hash() {
  find "$EXT_DIR/pyproject.toml" "$EXT_DIR/ticket_localstack" -type f \( -name '*.py' -o -name '*.js' -o -name '*.toml' \) -print0 |
    sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12
}

healthy() { curl -sf -o /dev/null --max-time 2 "$LS_URL$EMU_INTERNAL_PATH/health"; }
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

# Mode D: Compose v2 (`docker compose`) or the v1 binary.
compose() {
  if docker compose version >/dev/null 2>&1; then
    docker compose -f "$COMPOSE_FILE" "$@"
  elif command -v docker-compose >/dev/null 2>&1; then
    docker-compose -f "$COMPOSE_FILE" "$@"
  else
    die "mode D needs Docker Compose ('docker compose' or 'docker-compose'); or run LOCALSTACK_MODE=host make local-up"
  fi
}
