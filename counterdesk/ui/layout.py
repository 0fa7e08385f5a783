"""Layout helpers every window uses."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


def column(*widgets: QWidget, spacing: int | None = 2, margins: int | None = 0) -> QVBoxLayout:
    """``widgets`` stacked top to bottom; None keeps the style's own spacing or margins."""
    layout = QVBoxLayout()
    if margins is not None:
        layout.setContentsMargins(margins, margins, margins, margins)
    if spacing is not None:
        layout.setSpacing(spacing)
    for widget in widgets:
        layout.addWidget(widget)
    return layout
