#!/usr/bin/env bash
# Build the one-folder kiosk (dist/kiosk/) from kiosk.spec, smoke-test it, and pack the release
# archive the installation guides start from (dist/prison-kiosk-<version>-linux.tar.gz):
#   bash scripts/build.sh
# Called by `bash scripts/dev.sh test` (and so by CI) after the test suite. Fails when
# PyInstaller fails, when the built program's --version is not the package version, when
# `--demo --selftest` fails (also with stdout/stderr closed, as in a windowed build), when the
# screen tour fails, or when the folder is over the size budget.
set -euo pipefail
cd "$(dirname "$0")/.."

BUDGET_MB=150
PYTHON="${PYTHON:-.venv/bin/python}"
if [ ! -x "$PYTHON" ]; then
    # dev.sh picks a Python the project supports and makes the venv; build with the same one.
    echo "== build: no $PYTHON; run 'bash scripts/dev.sh test' first (or set PYTHON=...)" >&2
    exit 1
fi

echo "== build: installing the build extra (PyInstaller)"
"$PYTHON" -m pip install -q -e ".[build]"

if [ "$(uname -s)" = Linux ]; then
    # kiosk.spec trims ICU's data with icupkg and rebuilds its library with cc; strip removes
    # debug symbols from the Python runtime.
    for tool in icupkg cc strip; do
        command -v "$tool" >/dev/null || {
            echo "== build: '$tool' is missing (Debian: icu-devtools gcc binutils)" >&2
            exit 1
        }
    done
fi

echo "== build: pyinstaller kiosk.spec"
started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN kiosk.spec
build_seconds=$(( $(date +%s) - started ))
echo "== build: took ${build_seconds} s"

KIOSK=dist/kiosk/kiosk
[ -x "$KIOSK" ] || { echo "== build: $KIOSK was not produced" >&2; exit 1; }

# The smoke test must not read or write this machine's real settings or data.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_STATE_HOME="$scratch/state" \
       XDG_CONFIG_HOME="$scratch/config" XDG_CONFIG_DIRS="$scratch/site" \
       XDG_CACHE_HOME="$scratch/cache" QT_QPA_PLATFORM=offscreen
unset KIOSK_SETTINGS
mkdir -p "$HOME"

echo "== smoke: --version"
expected=$("$PYTHON" -c 'from importlib.metadata import version; print(version("prison-kiosk"))')
got=$("$KIOSK" --version)
echo "$got"
[ "$got" = "kiosk $expected" ] || {
    echo "== smoke: expected 'kiosk $expected'" >&2
    exit 1
}

echo "== smoke: --demo --selftest"
"$KIOSK" --demo --selftest 2>"$scratch/selftest.err" || {
    tail -n 40 "$scratch/selftest.err" >&2
    echo "== smoke: the built program's self-test failed" >&2
    exit 1
}

echo "== smoke: --demo --selftest with stdout and stderr closed (as a windowed build runs)"
"$KIOSK" --demo --selftest >&- 2>&- || {
    echo "== smoke: exit code $? with no stdout/stderr" >&2
    exit 1
}

echo "== smoke: --demo --tour (every screen, rendered offscreen by the built program)"
"$KIOSK" --demo --tour "$scratch/tour" >"$scratch/tour.log" 2>&1 || {
    tail -n 40 "$scratch/tour.log" >&2
    echo "== smoke: the built program's screen tour failed" >&2
    exit 1
}
shots=$(find "$scratch/tour" -name '*.png' | wc -l)
[ "$shots" -gt 0 ] || { echo "== smoke: the tour saved no screenshots" >&2; exit 1; }
echo "tour: $shots screens"

size_mb=$(du -sm dist/kiosk | cut -f1)
echo "== build: dist/kiosk is $(du -sh dist/kiosk | cut -f1) (${size_mb} MB; budget ${BUDGET_MB} MB)," \
     "built in ${build_seconds} s"
if [ "$size_mb" -gt "$BUDGET_MB" ]; then
    echo "== build: over budget; the biggest parts:" >&2
    du -sm dist/kiosk/_internal/* | sort -rn | head -n 15 >&2
    exit 1
fi

# The release as docs/install-linux.md unpacks it: one top-level folder, kiosk/.
release="dist/prison-kiosk-${expected}-linux.tar.gz"
tar -C dist -czf "$release" kiosk
echo "== build: release archive $release ($(du -sh "$release" | cut -f1))"
