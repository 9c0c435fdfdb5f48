#!/usr/bin/env bash
# The emulator's venv ($EMU_VENV: .local/venv-localstack, or .local/venv-localemu with
# LOCAL_EMULATOR=localemu): the engine with every version pinned, the extension's test tools, and
# the project's extension itself. Sourced by local-up.sh; `bash localstack/venv.sh` (make venv)
# just makes sure it is there and current.
set -euo pipefail
source localstack/common.sh

# localstack-core 4.14.0 needs Python 3.13 (its package installer uses `threading.Lock | None`,
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
  die "host mode needs Python 3.13 for $EMU_NAME $EMU_VERSION (found only $(python3 --version 2>&1)). Install one and set PYTHON=/path/to/python3.13, or use Docker (mode D)."
}

ensure_venv() {
  local stamp py
  stamp="$LS_VENV/.installed-$(cat "$EMU_REQUIREMENTS" "$EMU_CONSTRAINTS" "$EXT_DIR/requirements-dev.txt" | sha256sum | cut -c1-12)"
  [ -f "$stamp" ] && return
  py=$(find_python)
  say "creating the $EMU_NAME venv in $LS_VENV with $("$py" --version) (first run only, under a minute)"
  local started=$SECONDS uv
  uv=$(bash scripts/uv.sh)
  # --seed: pip stays in the venv, for whoever adds a tool to it by hand.
  "$uv" venv --quiet --clear --seed --python "$py" "$LS_VENV"
  "$uv" pip install --python "$LS_VENV" \
    -r "$EMU_REQUIREMENTS" -r "$EXT_DIR/requirements-dev.txt" -c "$EMU_CONSTRAINTS" 2>&1 |
    grep --line-buffered -v '^ ' # its summary lines, not a line per package
  touch "$stamp"
  say "$EMU_NAME venv ready in $((SECONDS - started)) s"
}

# The project's extension (localstack/extension), reinstalled whenever one of its files changes.
# $1: its extension_hash, when the caller has it already.
ensure_extension() {
  local stamp="$LS_VENV/.extension-${1:-$(extension_hash)}"
  [ -f "$stamp" ] && return
  say "installing the project's LocalStack extension ($EXT_DIR) into $LS_VENV"
  rm -f "$LS_VENV"/.extension-*
  # --reinstall also rebuilds it: uv would otherwise reuse its cached build of the folder.
  "$(bash scripts/uv.sh)" pip install --quiet --python "$LS_VENV" --reinstall --no-deps "./$EXT_DIR"
  # plux caches entry points under a key made of sys.path mtimes as 32-bit floats (2-minute steps), so a
  # plugin added by a quick reinstall would stay unseen: LocalStack's cache is ours (XDG_CACHE_HOME) and cleared.
  rm -rf "$LS_CACHE/plux"
  touch "$stamp"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_venv
  ensure_extension
fi
