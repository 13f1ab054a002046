#!/usr/bin/env bash
# Start CUPS and create the virtual PDF queue "kiosk-pdf" that the printing tests print through.
#
#   bash scripts/cups-setup.sh      (as root; idempotent: safe to run again)
#
# The queue uses the cups-pdf backend with its own instance config
# (/etc/cups/cups-pdf-kiosk.conf, chosen by the device URI cups-pdf:/kiosk), so Debian's
# /etc/cups/cups-pdf.conf is left alone. Output lands in $KIOSK_CUPS_PDF_OUT
# (default /var/spool/cups-pdf-kiosk) as job_<id>-<title>.pdf.
# No systemd in CI: cupsd is started directly. Exits 0 only when a job can be queued.
set -euo pipefail

QUEUE="${KIOSK_CUPS_QUEUE:-kiosk-pdf}"
OUT_DIR="${KIOSK_CUPS_PDF_OUT:-/var/spool/cups-pdf-kiosk}"
INSTANCE="kiosk"
CONF="/etc/cups/cups-pdf-${INSTANCE}.conf"

say() { echo "== cups-setup: $*"; }
fail() { echo "== cups-setup: $*" >&2; exit 1; }

for tool in cupsd lpadmin lpstat lpinfo cupsenable cupsaccept; do
    command -v "$tool" >/dev/null || fail "$tool not found (install cups, cups-client)"
done
[ -x /usr/lib/cups/backend/cups-pdf ] || fail "cups-pdf backend missing (printer-driver-cups-pdf)"

if [ "$(id -u)" -ne 0 ]; then
    # Without root we cannot start cupsd; fine if someone already set everything up.
    lpstat -p "$QUEUE" >/dev/null 2>&1 && { say "queue $QUEUE already present"; exit 0; }
    fail "must run as root to start cupsd and create $QUEUE"
fi

# 1. cups-pdf instance config: a known output folder, job id in file names, no ~/PDF.
mkdir -p "$OUT_DIR"
chmod 0755 "$OUT_DIR"
cat > "$CONF.tmp" <<EOF
# Written by scripts/cups-setup.sh for the kiosk's virtual PDF printer "$QUEUE".
Out $OUT_DIR
AnonDirName $OUT_DIR
Label 1
TitlePref 1
Truncate 128
UserUMask 0022
Grp root
LogType 3
EOF
mv "$CONF.tmp" "$CONF"

# 2. cupsd, started directly when not running (no systemd in containers or CI).
if ! lpstat -r 2>/dev/null | grep -q "scheduler is running"; then
    say "starting cupsd"
    mkdir -p /run/cups /var/spool/cups/tmp /var/log/cups
    cupsd
    for _ in $(seq 1 50); do
        lpstat -r 2>/dev/null | grep -q "scheduler is running" && break
        sleep 0.2
    done
fi
lpstat -r 2>/dev/null | grep -q "scheduler is running" || fail "cupsd did not start"

# 3. The queue, with the cups-pdf PPD that lpinfo lists.
PPD="$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF_opt\.ppd/ {print $1; exit}')"
[ -n "$PPD" ] || PPD="$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF/ {print $1; exit}')"
[ -n "$PPD" ] || fail "no cups-pdf PPD in 'lpinfo -m'"
lpadmin -p "$QUEUE" -E -v "cups-pdf:/${INSTANCE}" -m "$PPD" \
    -D "Kiosk virtual PDF printer" -o printer-error-policy=abort-job
cupsenable "$QUEUE"
cupsaccept "$QUEUE"

lpstat -p "$QUEUE" >/dev/null || fail "queue $QUEUE not listed by lpstat"
say "queue $QUEUE ready (ppd $PPD); output lands in $OUT_DIR"
echo "$OUT_DIR"
