#!/usr/bin/env bash
# Build the Linux artefacts in packaging/out/: the PyInstaller onedir (dist/frontdesk), the
# .deb and a .tar.gz of the onedir; then check the size and start-up budgets.
#
#   bash packaging/build.sh              (./dev package runs this)
#   bash packaging/build.sh --no-measure skip the start-up timing (CI: sizes only)
#   bash packaging/build.sh --clean      rebuild PyInstaller's cache from scratch
#
# Needs: the project's .venv with the "packaging" extra, binutils and dpkg-deb; icu-devtools
# (icupkg) to slim the ICU data, without which the onedir budget fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
OUT="$ROOT/packaging/out"
DIST="$OUT/dist/frontdesk"
cd "$ROOT"

# Budgets (decimal MB; start-up as frozen/venv median ratio).
ONEDIR_BUDGET_MB=120
DEB_BUDGET_MB=40  # xz-compressed; measured 35.2 MB (gzip was 45.3 MB)
STARTUP_BUDGET_RATIO=1.5

measure=1
clean=()
for arg in "$@"; do
    case "$arg" in
        --no-measure) measure=0 ;;
        --clean) clean=(--clean) ;;
        *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
mb() { "$PY" -c "import sys; print(f'{int(sys.argv[1]) / 1e6:.1f}')" "$1"; }

missing=()
for tool in readelf objdump as ld strip icupkg dpkg-deb tar; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "build.sh: missing ${missing[*]}: apt-get install binutils icu-devtools dpkg" >&2
    exit 1
fi

version="$("$PY" packaging/project_version.py)"
arch="$(dpkg --print-architecture 2>/dev/null || uname -m)"
say "Frontdesk $version ($arch)"
mkdir -p "$OUT"
started=$SECONDS

say "Translations (lrelease: resources/i18n/*.ts -> *.qm, shipped in the build)"
"$PY" packaging/translations.py build

say "PyInstaller onedir"
"$PY" -m PyInstaller --noconfirm "${clean[@]}" --log-level WARN \
    --distpath "$OUT/dist" --workpath "$OUT/build" packaging/frontdesk.spec 2>&1 |
    grep -v -E "WARNING: Library (.*) required via ctypes not found" || true
[ -x "$DIST/frontdesk" ] || { echo "build.sh: PyInstaller did not produce $DIST/frontdesk" >&2; exit 1; }
"$PY" packaging/slim_icu.py "$DIST"

say "Smoke test of the onedir (--self-test, offscreen)"
QT_QPA_PLATFORM=offscreen "$DIST/frontdesk" --self-test

say "Debian package"
deb="$("$PY" packaging/make_deb.py "$DIST" "$OUT")"
echo "$deb"

say "Tarball"
tarball="$OUT/frontdesk-$version-linux-$arch.tar.gz"
tar -C "$OUT/dist" -czf "$tarball" frontdesk
echo "$tarball"
echo "built in $((SECONDS - started)) s"

say "Budgets"
failed=0
onedir_bytes="$(du -sb "$DIST" | cut -f1)"
deb_bytes="$(stat -c %s "$deb")"
tar_bytes="$(stat -c %s "$tarball")"
check() {  # name value budget unit
    if "$PY" -c "import sys; sys.exit(not float(sys.argv[1]) <= float(sys.argv[2]))" "$2" "$3"; then
        printf '  PASS  %-22s %8s %s (budget %s)\n' "$1" "$2" "$4" "$3"
    else
        printf '  FAIL  %-22s %8s %s (budget %s)\n' "$1" "$2" "$4" "$3"; failed=1
    fi
}
check "onedir size" "$(mb "$onedir_bytes")" "$ONEDIR_BUDGET_MB" MB
check ".deb size" "$(mb "$deb_bytes")" "$DEB_BUDGET_MB" MB
printf '  info  %-22s %8s MB\n' ".tar.gz size" "$(mb "$tar_bytes")"
if [ "$measure" = 1 ]; then
    ratio="$("$PY" packaging/measure_startup.py --frozen "$DIST/frontdesk" --runs 5 --ratio-only)"
    check "start-up frozen/venv" "$ratio" "$STARTUP_BUDGET_RATIO" "×"
else
    printf '  skip  %-22s (--no-measure)\n' "start-up frozen/venv"
fi
exit "$failed"
