#!/usr/bin/env bash
# The English catalogue: collect every translate("Context", "中文") of ui/ into
# resources/translations/kiosk_en.ts (new messages arrive "unfinished" for a translator; vanished
# ones are dropped), then compile it to kiosk_en.qm, which the kiosk loads. Officer mode
# (ui/officer) is for prison staff and stays in Chinese: it is not in the family catalogue.
#   bash scripts/build-translations.sh            update the .ts and compile the .qm
#   bash scripts/build-translations.sh --compile  only compile (after editing translations)
#   bash scripts/build-translations.sh --check    change nothing; fail if the .ts misses a
#                                                 message or a translation, or the .qm is stale
# The tools come with PySide6-Essentials, next to the Python that runs the kiosk
# (PYTHON=/path/to/python to choose it; default .venv/bin/python, else python3).
# tests/ui/test_translations.py runs --check.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"
BIN="$(dirname "$("$PY" -c 'import sys; print(sys.executable)')")"
TS=resources/translations/kiosk_en.ts
QM="${TS%.ts}.qm"
mode="${1:-update}"

extract() {  # extract TS_FILE: merge the messages of the sources into TS_FILE
    local sources
    mapfile -t sources < <(find ui -name '*.py' -not -path 'ui/officer/*' | LC_ALL=C sort)
    "$BIN/pyside6-lupdate" -silent -no-obsolete -locations none -target-language en \
        "${sources[@]}" -ts "$1"
}

unfinished() { grep -c 'type="unfinished"' "$1" || true; }

case "$mode" in
    update)
        extract "$TS"
        "$BIN/pyside6-lrelease" -silent "$TS" -qm "$QM"
        echo "unfinished translations: $(unfinished "$TS") (fill in with pyside6-linguist, then --compile)"
        ;;
    --compile)
        "$BIN/pyside6-lrelease" -silent "$TS" -qm "$QM"
        ;;
    --check)
        tmp="$(mktemp -d)"
        trap 'rm -rf "$tmp"' EXIT
        cp "$TS" "$tmp/kiosk_en.ts"
        extract "$tmp/kiosk_en.ts"
        "$BIN/pyside6-lrelease" -silent "$TS" -qm "$tmp/kiosk_en.qm"
        status=0
        if ! cmp -s "$TS" "$tmp/kiosk_en.ts"; then
            echo "$TS is out of date with ui/ (run scripts/build-translations.sh):"
            diff -u "$TS" "$tmp/kiosk_en.ts" | grep '^[-+] *<source>' | head -20 || true
            status=1
        fi
        if [ "$(unfinished "$TS")" != 0 ]; then
            echo "$TS has $(unfinished "$TS") unfinished translation(s)"
            status=1
        fi
        if ! cmp -s "$QM" "$tmp/kiosk_en.qm"; then
            echo "$QM is not compiled from $TS (run scripts/build-translations.sh --compile)"
            status=1
        fi
        exit "$status"
        ;;
    *)
        echo "usage: $0 [--compile|--check]" >&2
        exit 2
        ;;
esac
