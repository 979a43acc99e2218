#!/usr/bin/env bash
# Idempotent setup used by `make run` and `make test`.
# Installs only what is missing: Debian packages, uv, the two Python
# environments (from the committed lock files) and the catalogue database.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[bootstrap] %s\n' "$*"; }

need_apt=()
for pkg in libvoikko1 voikko-fi ${EXTRA_APT_PACKAGES:-}; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
# Debian's Chromium for the browser tests (tests/browser; never `playwright install`)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if command -v uv >/dev/null 2>&1; then
  uv() { command uv "$@"; }
elif python3 -m uv --version >/dev/null 2>&1; then
  uv() { python3 -m uv "$@"; }
else
  log "installing uv"
  python3 -m pip install --quiet uv
  uv() { python3 -m uv "$@"; }  # works before the shell's PATH knows the new binary
fi

find_python() {  # $1 = minor version, e.g. 3.10; prints the interpreter itself, not a shim
  local root candidate
  root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
  candidate=$(ls -d "$root"/versions/"$1"*/bin/python 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return; fi
  for candidate in "/usr/bin/python$1" "/usr/local/bin/python$1"; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  echo "Python $1 not found: install it (pyenv install $1) and run again" >&2
  exit 1
}

# make_venv DIR PYTHON LOCKFILE [extra uv args...]
make_venv() {
  local dir=$1 python=$2 lock=$3; shift 3
  local stamp="$dir/.polkuopas-lock.sha256"
  local want; want=$(cat "$lock" pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$dir/bin/python" ]; then
    return 0
  fi
  log "creating $dir from $lock"
  [ -x "$dir/bin/python" ] || uv venv --quiet --python "$python" "$dir"
  uv pip sync --quiet --python "$dir/bin/python" "$lock"
  "$@"
  echo "$want" > "$stamp"
}

make_venv .venv-rasa "$(find_python 3.10)" requirements/rasa.lock true
make_venv .venv "$(find_python 3.11)" requirements/app.lock \
  uv pip install --quiet --python .venv/bin/python --no-deps -e .

mkdir -p var
.venv/bin/polkuopas catalogue seed --if-needed
