#!/usr/bin/env bash
# make local-down: stops what local-up started, by pid file (host) or compose (docker).
set -euo pipefail
source localstack/common.sh
mode=$(cat "$LS_MODE_FILE" 2>/dev/null || echo none)
case "$mode" in
  host)
    if host_running; then
      pid=$(cat "$LS_PID")
      say "stopping $(cut -d' ' -f1 "$LS_EXT_FILE" 2>/dev/null || echo the emulator) (host mode, pid $pid)"
      kill "$pid" 2>/dev/null || true # it may have exited since the check
      for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      if kill -0 "$pid" 2>/dev/null; then say "still running after 30 s; sending SIGKILL"; kill -9 "$pid" 2>/dev/null || true; fi
    else
      say "the emulator (host mode) is not running"
    fi
    rm -f "$LS_PID"
    ;;
  docker)
    say "stopping LocalStack (docker compose)"
    compose down
    ;;
  *) say "nothing to stop: no emulator was started by make local-up" ;;
esac
rm -f "$LS_MODE_FILE"
