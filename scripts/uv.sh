#!/usr/bin/env bash
# Prints the path of the project's uv (scripts/uv.requirements.txt), installing it into
# .local/venv-uv with pip first when it is missing or its pin changed. Every other venv is created
# and filled by it: LocalStack's takes about 10 s, against about 100 s with pip.
set -euo pipefail
dir=.local/venv-uv
stamp="$dir/.installed-$(sha256sum scripts/uv.requirements.txt | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  echo "==> installing uv (the venvs' installer) into $dir" >&2
  rm -rf "$dir"
  "${PYTHON:-python3}" -m venv "$dir"
  "$dir/bin/pip" install --quiet --disable-pip-version-check --no-deps -r scripts/uv.requirements.txt >&2
  touch "$stamp"
fi
echo "$dir/bin/uv"
