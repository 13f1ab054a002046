#!/usr/bin/env bash
# The English catalogue: collect every translate("Context", "中文") of ui/ into
# resources/translations/kiosk_en.ts (new messages arrive "unfinished" for a translator; vanished
# ones are dropped), then compile it to kiosk_en.qm, which the kiosk loads. Officer mode
# (ui/officer) is for prison staff and stays in Chinese: it is not in the family catalogue.
#   bash scripts/build-translations.sh            update the .ts and compile the .qm
#   bash scripts/build-translations.sh --compile  only compile (after editing translations)
# The tools come with PySide6-Essentials, next to the Python that runs the kiosk
# (PYTHON=/path/to/python to choose it; default .venv/bin/python, else python3).
# tests/ui/test_translations.py fails while the .ts or the .qm is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"
BIN="$(dirname "$("$PY" -c 'import sys; print(sys.executable)')")"
TS=resources/translations/kiosk_en.ts
if [ "${1:-}" != "--compile" ]; then
    mapfile -t SOURCES < <(find ui -name '*.py' -not -path 'ui/officer/*' | sort)
    "$BIN/pyside6-lupdate" -silent -no-obsolete -locations none -target-language en \
        "${SOURCES[@]}" -ts "$TS"
fi
"$BIN/pyside6-lrelease" -silent "$TS" -qm "${TS%.ts}.qm"
grep -c 'type="unfinished"' "$TS" | sed 's/^/unfinished translations: /'
