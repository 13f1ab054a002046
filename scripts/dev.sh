#!/usr/bin/env bash
# The one entry point for a developer machine and CI alike:
#   bash scripts/dev.sh demo [kiosk args...]   install, then start the kiosk in demo mode
#   bash scripts/dev.sh test [pytest args...]  install, start CUPS, lint, type-check, run the tests;
#                                              with no pytest args also build + smoke-test dist/kiosk
# System packages are installed with apt-get when missing and we are root (CI, a fresh VM);
# otherwise the missing ones are listed so a developer can install them.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's offscreen/xcb platforms need these libraries; the rest serve fonts, printing and tests.
RUNTIME_DEBS=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
              libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
              libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 fonts-wqy-microhei)
TEST_DEBS=(cups cups-client cups-bsd printer-driver-cups-pdf poppler-utils zbar-tools xvfb socat)
# scripts/build.sh: kiosk.spec trims ICU data (icupkg, cc) and strips debug symbols (binutils).
BUILD_DEBS=(icu-devtools gcc binutils)

ensure_debs() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "== installing system packages: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    else
        echo "== missing system packages (install them as root): ${missing[*]}" >&2
    fi
}

# Python 3.12 or newer: with PySide6 6.12 on Python 3.11, every Signal.emit(bool) and
# processEvents() drops a reference to True/False/None, and the process aborts in bool_dealloc
# after a few thousand (tests/ui/test_qt_runtime.py). 3.12 made those objects immortal.
# Debian 12 ships 3.11 only, so look beside it too (pyenv, /usr/local).
pick_python() {
    local candidates=(python3.13 python3.12 python3)
    candidates+=("${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3)
    candidates+=(/usr/local/bin/python3.1[2-9])
    for exe in "${candidates[@]}"; do
        if "$exe" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
            echo "$exe"
            return 0
        fi
    done
    echo "== no Python 3.12 or newer found (PySide6 6.12 is unsafe on 3.11)" >&2
    return 1
}

ensure_venv() {
    if [ -x .venv/bin/python ] && ! .venv/bin/python -c \
            'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
        echo "== .venv runs Python < 3.12: recreating it"
        rm -rf .venv
    fi
    if [ ! -x .venv/bin/python ]; then
        "$(pick_python)" -m venv .venv
    fi
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test]"
}

cmd="${1:-test}"
shift || true
case "$cmd" in
    demo)
        ensure_debs "${RUNTIME_DEBS[@]}"
        ensure_venv
        exec .venv/bin/kiosk --demo "$@"
        ;;
    test)
        ensure_debs "${RUNTIME_DEBS[@]}" "${TEST_DEBS[@]}" "${BUILD_DEBS[@]}"
        ensure_venv
        bash scripts/cups-setup.sh || echo "== CUPS could not be started: printing tests will skip"
        echo "== ruff";  .venv/bin/ruff check kiosk ui tests bench
        echo "== mypy";  .venv/bin/mypy
        echo "== pytest"
        if [ $# -gt 0 ]; then
            QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
            exit
        fi
        # The CI soak (200 visits, mostly waiting out idle timeouts and key debounces) runs in
        # its own pytest beside the rest of the suite: minutes saved, CPU to spare for both.
        soak_log="$(mktemp -t kiosk-soak.XXXXXX.log)"
        QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -m soak -p no:cacheprovider \
            >"$soak_log" 2>&1 &
        soak_pid=$!
        suite=0
        QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -m "not soak" || suite=$?
        soak=0
        wait "$soak_pid" || soak=$?
        echo "== pytest -m soak (ran beside the suite)"
        cat "$soak_log"
        if [ "$suite" -ne 0 ] || [ "$soak" -ne 0 ]; then
            echo "== pytest failed (suite: exit $suite, soak: exit $soak)" >&2
            exit 1
        fi
        bash scripts/build.sh
        ;;
    *)
        echo "usage: bash scripts/dev.sh demo|test [args...]" >&2
        exit 2
        ;;
esac
