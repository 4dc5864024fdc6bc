"""Draw the app icon: writes ``resources/icons/frontdesk.svg`` and renders the hicolor PNGs
(16…512 px) and a Windows ``.ico`` from it with Qt's SVG renderer.

    .venv/bin/python packaging/make_icons.py

The SVG is the source of truth; run this again after editing it here. The outputs are checked
in, so builds never need to render them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: Sizes packed into the Windows .ico (Explorer, taskbar, installer).
ICO_SIZES = (16, 24, 32, 48, 64, 256)

# A blue rounded square holding a calendar page (binder rings, amber header) with a green
# check: "a booking made". Flat shapes only, so it stays legible at 16 px.
SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <title>Frontdesk</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#3b82f6"/>
      <stop offset="1" stop-color="#1d4ed8"/>
    </linearGradient>
  </defs>
  <rect x="16" y="16" width="480" height="480" rx="96" ry="96" fill="url(#bg)"/>
  <rect x="96" y="120" width="320" height="300" rx="36" ry="36" fill="#ffffff"/>
  <path d="M96 156 a36 36 0 0 1 36 -36 h248 a36 36 0 0 1 36 36 v52 h-320 z" fill="#f59e0b"/>
  <rect x="164" y="88" width="28" height="72" rx="14" ry="14" fill="#e2e8f0"/>
  <rect x="320" y="88" width="28" height="72" rx="14" ry="14" fill="#e2e8f0"/>
  <path d="M176 318 l52 52 l110 -110" fill="none" stroke="#16a34a" stroke-width="40"
        stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def write_ico(images: dict[int, QImage], path: Path) -> None:
    """A PNG-compressed .ico (Vista and later read it), built by hand: Qt has no ico writer
    without the imageformats plugin, and this keeps the script dependency-free."""
    from PySide6.QtCore import QBuffer, QIODevice

    blobs: list[bytes] = []
    for size in ICO_SIZES:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        images[size].save(buffer, "PNG")  # type: ignore[call-overload]
        blobs.append(bytes(buffer.data().data()))
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + \
        len(blobs).to_bytes(2, "little")
    offset = 6 + 16 * len(blobs)
    entries = b""
    for size, blob in zip(ICO_SIZES, blobs, strict=True):
        dim = 0 if size >= 256 else size  # 0 means 256 in the .ico directory
        entries += bytes([dim, dim, 0, 0]) + (1).to_bytes(2, "little") + \
            (32).to_bytes(2, "little") + len(blob).to_bytes(4, "little") + \
            offset.to_bytes(4, "little")
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "frontdesk.svg").write_text(SVG, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(SVG.encode("utf-8")))
    if not renderer.isValid():
        print("The icon SVG did not parse.", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in sorted(set(SIZES) | set(ICO_SIZES))}
    for size in SIZES:
        out = ICONS / "hicolor" / f"{size}x{size}" / "frontdesk.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        images[size].save(str(out), "PNG")  # type: ignore[call-overload]
    write_ico(images, ICONS / "frontdesk.ico")
    print(f"Wrote {ICONS.relative_to(ROOT)}/frontdesk.svg, frontdesk.ico and "
          f"{len(SIZES)} PNG sizes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
