#!/usr/bin/env bash
# Every benchmark in bench/, one after another, each printing its figures (none asserts).
#
#   bench/run_all.sh                 # everything, with the full 1,000-visit soak (about 1 h)
#   SOAK_VISITS=100 bench/run_all.sh # a shorter soak
#   PYTHON=/path/to/python bench/run_all.sh
#
# Needs Python 3.12+ (PySide6 6.12 aborts on 3.11) with the project installed (.venv from
# scripts/dev.sh). Figures and the machine they ran on go into docs/performance.md.
set -uo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
SOAK_VISITS="${SOAK_VISITS:-1000}"
status=0

run() {
    echo
    echo "== $*"
    "$PY" "$@" || { echo "== ($1 exited with $?)"; status=1; }
}

echo "== machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
     "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM," \
     "$("$PY" -c 'import platform; print("Python", platform.python_version())')"
run bench/startup.py
run bench/startup_breakdown.py
run bench/memory.py
run bench/visit_latency.py
run bench/api_sections.py
run bench/gui_stall.py
run bench/slip_render.py
run bench/soak.py --visits "$SOAK_VISITS"
exit "$status"
