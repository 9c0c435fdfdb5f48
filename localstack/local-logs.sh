#!/usr/bin/env bash
# make local-logs: the emulator's log, whichever mode started it.
set -euo pipefail
source localstack/common.sh
mode=$(cat "$LS_MODE_FILE" 2>/dev/null || echo none)
case "$mode" in
  host) tail -n "${LINES:-200}" "$LS_LOG" ;;
  docker) compose logs --tail "${LINES:-200}" localstack ;;
  *) die "LocalStack was not started by make local-up (no $LS_MODE_FILE)" ;;
esac
