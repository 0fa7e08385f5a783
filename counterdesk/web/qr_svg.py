"""A QR code drawn as inline SVG: one path of dark squares, no image request, no inline style.

The kiosk's scanner types what the code holds and then Enter, so a booking's code holds just
its 8 digits (numeric mode: a small, sturdy code).
"""

from __future__ import annotations

import qrcode
import qrcode.constants
from markupsafe import Markup, escape

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_svg(data: str, label: str) -> Markup:
    """An ``<svg>`` of ``data``'s QR code, named ``label`` for screen readers."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    squares = "".join(
        f"M{x} {y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark
    )
    size = len(matrix)
    return Markup(
        f'<svg class="qr" viewBox="0 0 {size} {size}" role="img" aria-label="{escape(label)}" '
        f'shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path d="{squares}" fill="#000"/></svg>'
    )
