"""The app's look: one style sheet and a style that draws a clearly visible focus ring.

**Menus.** With the shipped CJK font at 13 pt or more, Qt's Fusion style gives a menu item a
width that grows by a fixed margin over the text, while the margins it draws with grow with
the font: the text no longer fits and is elided in the middle ("导出报送司法…据(E)…"). A
``QMenu::item`` rule makes the style-sheet style measure and draw menu items itself, with the
same padding in both, so every item gets the width its text needs at any text size.

**Focus.** Fusion marks the focused button by a faint outline and a tab by a thin dotted
frame; keyboard users lose track. :class:`FocusRingStyle` draws a 2-pixel ring in the
highlight colour around the focused button, tab, check box and list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QProxyStyle, QStyle

# left padding (room for a check mark), right padding (room for a submenu arrow) of menu items
MENU_ITEM_PADDING = (30, 28)
# Red frame for an input holding a refused value (dynamic property "invalid", gui/forms.py).
STYLE_SHEET = """
*[invalid="true"] { border: 2px solid #b00020; }
QLabel[role="error"] { color: #b00020; }
QLabel[role="warning"] { color: #8a4b00; }
QLabel[role="heading"] { font-weight: bold; }
QMenu::item { padding: 5px %dpx 5px %dpx; }
QMenu::item:selected { background: palette(highlight); color: palette(highlighted-text); }
QMenu::separator { height: 1px; background: palette(mid); margin: 4px 8px; }
""" % (MENU_ITEM_PADDING[1], MENU_ITEM_PADDING[0])

RING_WIDTH = 2
INSTALLED = "mediator_desk_style"      # application property set by install()


class FocusRingStyle(QProxyStyle):
    """The platform's style, with a visible focus ring."""

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_PanelButtonCommand \
                and option.state & QStyle.StateFlag.State_HasFocus:
            self._ring(option, painter, option.rect.adjusted(1, 1, -1, -1))

    def drawControl(self, element, option, painter, widget=None) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_TabBarTabLabel \
                and option.state & QStyle.StateFlag.State_HasFocus:
            self._ring(option, painter, option.rect.adjusted(3, 3, -3, -3))

    def _ring(self, option, painter, rect) -> None:
        painter.save()
        pen = QPen(option.palette.highlight().color(), RING_WIDTH)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(painter.RenderHint.Antialiasing, True)
        painter.drawRoundedRect(rect, 3, 3)
        painter.restore()


def install(app) -> None:
    """Give ``app`` the focus-ring style and the style sheet (once: setting either again
    would make Qt polish every widget anew)."""
    if installed(app):
        return
    app.setStyle(FocusRingStyle(app.style().name()))
    app.setStyleSheet(STYLE_SHEET)
    app.setProperty(INSTALLED, True)


def installed(app) -> bool:
    """Whether :func:`install` was done (``app.style()`` is then Qt's style-sheet style, which
    wraps ours, so it cannot tell)."""
    return bool(app.property(INSTALLED))
