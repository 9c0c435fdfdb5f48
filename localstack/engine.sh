# The emulator that host mode (H) runs, chosen by LOCAL_EMULATOR: `localstack` (default, LocalStack
# 4.14.0) or `localemu` (LocalEmu 1.3.2, the Apache-2.0 continuation of the same code). Everything
# that differs between the two on the shell side is here; sourced by common.sh.
# (Python side: localstack/extension/ticket_localstack/engine.py. Mode D always runs LocalStack.)
export LOCAL_EMULATOR=${LOCAL_EMULATOR:-localstack}
case "$LOCAL_EMULATOR" in
  localstack)
    EMU_NAME=LocalStack
    EMU_VERSION=4.14.0
    EMU_PACKAGE=localstack # the Python package root: `python -m $EMU_PACKAGE.runtime.main`
    EMU_ENV_PREFIX=LOCALSTACK
    ;;
  localemu)
    EMU_NAME=LocalEmu
    EMU_VERSION=1.3.2
    EMU_PACKAGE=localemu
    EMU_ENV_PREFIX=LOCALEMU
    ;;
  *)
    printf 'ERROR: LOCAL_EMULATOR must be localstack or localemu (got %s)\n' "$LOCAL_EMULATOR" >&2
    exit 1
    ;;
esac
# The venv and its pinned inputs: localstack/{,localemu.}{requirements,constraints}.txt.
EMU_PIN_PREFIX=localstack/$([ "$LOCAL_EMULATOR" = localstack ] || echo "$LOCAL_EMULATOR.")
EMU_REQUIREMENTS=${EMU_PIN_PREFIX}requirements.txt
EMU_CONSTRAINTS=${EMU_PIN_PREFIX}constraints.txt
EMU_VENV=.local/venv-$LOCAL_EMULATOR
# Internal endpoints (health, info): /_localstack/... or /_localemu/...; the TypeScript side reads it too.
export EMU_INTERNAL_PATH=/_$LOCAL_EMULATOR
