"""``mediator-desk --self-test``: passes on a good install, and each check fails on what a
broken build gets wrong (the line names it, the exit status is non-zero)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def self_test(tmp_path, **env_over) -> subprocess.CompletedProcess:
    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               PYTHONPATH=str(ROOT))
    env.pop("MEDIATOR_DESK_DB", None)
    env.update(env_over)
    return subprocess.run([sys.executable, "-m", "mediator_desk", "--self-test"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, encoding="utf-8", timeout=180)


def lines(result) -> dict[str, str]:
    found = {}
    for line in result.stdout.splitlines():
        if line.startswith(("[通过]", "[失败]")):
            mark, _, rest = line.partition(" ")
            label = rest.partition("：")[0]
            found[label] = mark
    return found


def test_a_good_install_passes_every_check_and_touches_no_user_data(tmp_path):
    temp = tmp_path / "temp"          # its own temporary folder: other runs may share /tmp
    temp.mkdir()
    result = self_test(tmp_path, TMPDIR=str(temp))
    assert result.returncode == 0, result.stdout + result.stderr
    marks = lines(result)
    assert set(marks) == {"程序", "文书字体", "文书模板", "数据库", "打印 PDF", "Word 文书", "统计报表",
                          "图形界面（Qt）", "界面字体", "界面翻译", "程序图标", "PDF 预览", "打印",
                          "统计图表"}
    assert set(marks.values()) == {"[通过]"}
    assert "自检通过：14 项全部正常" in result.stdout
    assert "字体已嵌入" in result.stdout and "Qt 按钮“取消”" in result.stdout
    # the user's data folder was never created, nor a log written there
    assert not (tmp_path / "data").exists()
    # and the folder it worked in is gone
    assert not list(temp.glob("mediator-desk-selftest-*")), list(temp.iterdir())


def test_missing_font_and_templates_fail_with_their_lines(tmp_path):
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources" / "translations", resources / "translations")
    shutil.copytree(ROOT / "resources" / "icons", resources / "icons")
    (resources / "fonts").mkdir()
    (tmp_path / "forms").mkdir()
    result = self_test(tmp_path, MEDIATOR_DESK_RESOURCES=str(resources),
                       MEDIATOR_DESK_FORMS=str(tmp_path / "forms"))
    assert result.returncode == 1
    marks = lines(result)
    assert marks["文书字体"] == marks["文书模板"] == marks["打印 PDF"] == "[失败]"
    assert marks["界面字体"] == marks["PDF 预览"] == "[失败]"
    assert marks["界面翻译"] == marks["数据库"] == marks["程序图标"] == "[通过]"
    assert "找不到文书字体文件" in result.stdout
    assert "自检未通过" in result.stdout


def test_missing_translations_and_icon_fail(tmp_path):
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources" / "fonts", resources / "fonts")
    result = self_test(tmp_path, MEDIATOR_DESK_RESOURCES=str(resources))
    assert result.returncode == 1
    marks = lines(result)
    assert marks["界面翻译"] == marks["程序图标"] == "[失败]"
    assert marks["文书字体"] == marks["打印 PDF"] == marks["PDF 预览"] == "[通过]"


def test_a_qt_process_that_dies_is_reported_not_silent(tmp_path):
    # no such platform plugin: Qt aborts the Qt process; the report still ends with a line
    result = self_test(tmp_path, QT_QPA_PLATFORM="no-such-platform")
    assert result.returncode == 1
    marks = lines(result)
    assert marks["图形界面（Qt）"] == "[失败]"
    assert "检查进程异常退出" in result.stdout
    assert marks["打印 PDF"] == "[通过]"


def test_the_flag_is_in_the_help():
    out = subprocess.run([sys.executable, "-m", "mediator_desk", "--help"], cwd=ROOT,
                         capture_output=True, text=True, encoding="utf-8").stdout
    assert "--self-test" in out and "--self-test-qt" not in out


def test_a_legacy_console_encoding_does_not_break_the_report(tmp_path):
    # Windows consoles and redirected output may be GBK, which lacks 𫖮: replaced, not a crash
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="gbk",
               HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-m", "mediator_desk", "--self-test"], cwd=tmp_path,
                            env=env, capture_output=True, timeout=180)
    text = result.stdout.decode("gbk")
    assert result.returncode == 0, text + result.stderr.decode("gbk", "replace")
    assert "[通过] 界面翻译" in text and "自检通过" in text
