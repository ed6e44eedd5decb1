"""The app's look: a style that draws a clearly visible focus ring, and the menus' style sheet.

**Menus.** With the shipped CJK font at 13 pt or more, Qt's Fusion style gives a menu item a
width that grows by a fixed margin over the text, while the margins it draws with grow with
the font: the text no longer fits and is elided in the middle ("导出报送司法…据(E)…"). A
``QMenu::item`` rule makes the style-sheet style measure and draw menu items itself, with the
same padding in both, so every item gets the width its text needs at any text size. It is set
on the main window's menu bar (:func:`style_menus`; the menus are its children), not on the
application: a style sheet for the whole application makes Qt style every widget through its
style-sheet engine, which doubled the time a case window took to build. The other looks that
were rules (refused inputs, label roles) are set on the widget itself (gui/forms.py).

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
MENU_STYLE = """
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
    """Give ``app`` the focus-ring style (once: setting it again would make Qt polish every
    widget anew)."""
    if installed(app):
        return
    app.setStyle(FocusRingStyle(app.style().name()))
    app.setProperty(INSTALLED, True)


def installed(app) -> bool:
    """Whether :func:`install` was done."""
    return bool(app.property(INSTALLED))


def style_menus(menu_bar) -> None:
    """The menu rules for ``menu_bar`` and every menu under it."""
    menu_bar.setStyleSheet(MENU_STYLE)
