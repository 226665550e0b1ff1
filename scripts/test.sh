#!/usr/bin/env bash
# Install strife with its test extras into ./.venv (offline-capable: PyPI only) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null 2>&1 || PY=python3
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
export HF_HUB_OFFLINE=1
./scripts/install_browser.sh  # Debian's chromium for tests/test_browser.py (skips them if it cannot)
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
