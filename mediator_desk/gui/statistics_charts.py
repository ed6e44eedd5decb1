"""Bar charts for the statistics window (QtCharts from PySide6-Addons, loaded with the
window)."""

from __future__ import annotations

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView,
                              QHorizontalBarSeries, QValueAxis)
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPainter


def bar_chart(title: str, categories: list[str], series: dict[str, list],
              *, horizontal: bool = False) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    bars = QHorizontalBarSeries() if horizontal else QBarSeries()
    top = 0
    for name, values in series.items():
        s = QBarSet(name)
        for v in values:
            s.append(float(v or 0))
            top = max(top, v or 0)
        bars.append(s)
    chart.addSeries(bars)
    cats = QBarCategoryAxis()
    cats.append(categories or [""])
    small = QFont(cats.labelsFont())
    small.setPointSizeF(max(6.0, small.pointSizeF() * 0.75))
    cats.setLabelsFont(small)
    if not horizontal and len(categories) > 6 and max(map(len, categories)) > 3:
        cats.setLabelsAngle(-60)
    scale = QValueAxis()
    scale.setRange(0, max(1, top * 1.1))
    scale.setLabelFormat("%d")
    scale.setLabelsFont(small)
    if horizontal:
        chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(scale, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(scale, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(cats)
    bars.attachAxis(scale)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumWidth(300)
    return view
