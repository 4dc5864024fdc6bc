#!/usr/bin/env bash
# Build the macOS app and disk image: PyInstaller onedir + Frontdesk.app (the spec's BUNDLE),
# its self-test, then a compressed .dmg with an Applications link.
#
#   bash packaging/build-macos.sh
#
# Needs: macOS 11+, Python 3.11+ (python3 on PATH), Xcode command-line tools (iconutil,
# hdiutil). Optional: FRONTDESK_CODESIGN_IDENTITY="Developer ID Application: …" to sign
# (notarise the .dmg afterwards with `xcrun notarytool submit … --wait`).
# Output: packaging/out/Frontdesk-<version>-macos-<arch>.dmg
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/packaging/out"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
cd "$ROOT"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

[ "$(uname -s)" = Darwin ] || { echo "build-macos.sh runs on macOS only." >&2; exit 1; }
[ -x "$PY" ] || python3 -m venv "$VENV"
"$PY" -m pip install -q --upgrade pip
"$PY" -m pip install -q -e ".[packaging]"
version="$("$PY" packaging/project_version.py)"
arch="$(uname -m)"
say "Frontdesk $version ($arch)"
mkdir -p "$OUT"

say "App icon (.icns from the hicolor PNGs)"
iconset="$OUT/frontdesk.iconset"
rm -rf "$iconset"; mkdir -p "$iconset"
icons="$ROOT/resources/icons/hicolor"
for size in 16 32 128 256 512; do
    cp "$icons/${size}x${size}/frontdesk.png" "$iconset/icon_${size}x${size}.png"
done
cp "$icons/32x32/frontdesk.png" "$iconset/icon_16x16@2x.png"
cp "$icons/64x64/frontdesk.png" "$iconset/icon_32x32@2x.png"
cp "$icons/256x256/frontdesk.png" "$iconset/icon_128x128@2x.png"
cp "$icons/512x512/frontdesk.png" "$iconset/icon_256x256@2x.png"
iconutil -c icns -o "$OUT/frontdesk.icns" "$iconset"

say "Translations (lrelease: resources/i18n/*.ts -> *.qm)"
"$PY" packaging/translations.py build

say "PyInstaller onedir and Frontdesk.app"
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$OUT/dist" --workpath "$OUT/build" \
    packaging/frontdesk.spec
app="$OUT/dist/Frontdesk.app"
[ -d "$app" ] || { echo "PyInstaller did not produce $app" >&2; exit 1; }

say "Smoke test (--self-test, offscreen)"
QT_QPA_PLATFORM=offscreen "$app/Contents/MacOS/frontdesk" --self-test

say "Disk image"
staging="$OUT/dmg"
rm -rf "$staging"; mkdir -p "$staging"
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
dmg="$OUT/Frontdesk-$version-macos-$arch.dmg"
rm -f "$dmg"
hdiutil create -volname "Frontdesk $version" -srcfolder "$staging" -fs HFS+ -format UDZO \
    -imagekey zlib-level=9 -ov "$dmg"
rm -rf "$staging"
if [ -n "${FRONTDESK_CODESIGN_IDENTITY:-}" ]; then
    codesign --force --sign "$FRONTDESK_CODESIGN_IDENTITY" --timestamp "$dmg"
fi
printf 'app %s MB, dmg %s MB: %s\n' "$(du -sm "$app" | cut -f1)" "$(du -sm "$dmg" | cut -f1)" "$dmg"
