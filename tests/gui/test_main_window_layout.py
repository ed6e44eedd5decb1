"""The case list's columns follow the window: at 1280 and about 1030 pixels (with the to-do
dock) every column is on screen, the status never elides, the parties keep some room."""

from mediator_desk.core import workflow


def test_case_list_columns_fit_the_window(qtbot, main_window):
    table = main_window.table
    main_window.todo_dock.show()
    fm = table.fontMetrics()
    em = fm.horizontalAdvance("中")
    longest_status = max(fm.horizontalAdvance(s) for s in workflow.STATUSES.values())
    for width, height in ((1280, 800), (1030, 700)):
        main_window.resize(width, height)
        qtbot.waitUntil(lambda: table.viewport().width() < width - 200)
        table.fit_columns(force=True)
        widths = [table.columnWidth(c) for c in range(table.model().columnCount())]
        assert sum(widths) <= table.viewport().width(), (width, widths)
        assert widths[3] > longest_status
        assert widths[table.PARTIES] >= em * 6
        assert widths[0] >= em * 12
